namespace Storyline.Storage;

/// <summary>A store cannot be opened or used; the message names the store and the reason.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StoreException()
    {
    }
}
