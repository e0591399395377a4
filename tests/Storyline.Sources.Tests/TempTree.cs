using System.Text;

namespace Storyline.Sources.Tests;

/// <summary>A folder under the system temp folder, unique to one test, deleted afterwards.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "storyline-sources-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>The full path of <paramref name="relative"/> (written with '/').</summary>
    public string this[string relative] => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Writes a UTF-8 file, creating its folders.</summary>
    public string Write(string relative, string text) => Write(relative, Encoding.UTF8.GetBytes(text));

    /// <summary>Writes a file of bytes, creating its folders.</summary>
    public string Write(string relative, byte[] bytes)
    {
        string path = this[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Creates an empty folder.</summary>
    public string Folder(string relative) => Directory.CreateDirectory(this[relative]).FullName;

    /// <summary>Paths relative to the root, with '/', for comparing listings.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
