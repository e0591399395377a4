namespace Storyline.Evaluation.Stories;

/// <summary>
/// FNV-1a over a text's characters: the same on every machine and in every process, unlike the runtime's randomised
/// <see cref="string.GetHashCode()"/>, for orders and splits that must not change between runs.
/// </summary>
internal static class TextHash
{
    /// <summary>The 64-bit FNV-1a hash of <paramref name="text"/>'s UTF-16 characters.</summary>
    public static ulong Fnv(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
