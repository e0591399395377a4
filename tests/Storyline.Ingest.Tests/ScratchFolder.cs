namespace Storyline.Ingest.Tests;

/// <summary>A fresh folder under the system's temporary folder for one test, deleted with it.</summary>
internal sealed class ScratchFolder : IDisposable
{
    /// <summary>Creates a folder whose name starts with <paramref name="name"/>.</summary>
    public ScratchFolder(string name)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name + "-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
