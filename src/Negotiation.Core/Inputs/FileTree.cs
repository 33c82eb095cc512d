namespace Negotiation.Core.Inputs;

/// <summary>What <see cref="FileTree.Check"/> found at a path.</summary>
internal enum TreeEntry
{
    /// <summary>A non-empty regular file inside the tree: it may be read.</summary>
    Regular,

    /// <summary>Nothing there (or a link to nothing).</summary>
    Missing,

    /// <summary>The path leads outside the tree, through a link or <c>..</c>, or names a file elsewhere.</summary>
    Outside,

    /// <summary>A folder, or what may be a pipe, socket or device (it reports a size of 0): never opened.</summary>
    NotRegular,
}

/// <summary>
/// A folder whose files are untrusted input (a rule set, a folder of scenarios): only regular files inside its tree
/// are read. Every path is resolved first as the system would resolve it (each link, then each <c>..</c>, in order), and
/// one that ends outside the tree is refused; so is anything that is not a regular file, without being opened, so that a
/// pipe named <c>decision.json</c> cannot make a load wait for ever.
/// </summary>
/// <remarks>
/// .NET 10 cannot tell a pipe, socket or device from a regular file without opening it, and opening a pipe waits for a
/// writer. Every one of them reports a size of 0, as an empty file does; no file of a size of 0 is opened, and none would
/// be valid JSON anyway. A file replaced between the check and the read is outside what the check can see: the folder's
/// owner is trusted not to race its own reads.
/// </remarks>
internal sealed class FileTree
{
    /// <summary>Links followed in one path before it is refused, as the system's own limit (ELOOP) does.</summary>
    private const int MaxLinks = 40;

    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string root;

    private FileTree(string root) => this.root = root;

    /// <summary>The tree rooted at <paramref name="folder"/>, which may itself be reached through a link.</summary>
    /// <exception cref="IOException">The folder's path holds a loop of links.</exception>
    public static FileTree Of(string folder) => new(RealPath(folder));

    /// <summary>Resolves <paramref name="path"/> (relative to the folder, or absolute) and says whether it may be read.</summary>
    /// <param name="path">The path as given.</param>
    /// <param name="file">The resolved path, with no link and no <c>..</c> left in it: the one to open.</param>
    public TreeEntry Check(string path, out string file)
    {
        try
        {
            file = RealPath(Path.IsPathRooted(path) ? path : Path.Join(root, path));
        }
        catch (IOException)
        {
            // A loop of links leads nowhere a file could be read from.
            file = path;
            return TreeEntry.Missing;
        }

        if (!IsInside(file))
        {
            return TreeEntry.Outside;
        }

        var info = new FileInfo(file);
        if (!info.Exists)
        {
            return Directory.Exists(file) ? TreeEntry.NotRegular : TreeEntry.Missing;
        }

        return info.Length == 0 ? TreeEntry.NotRegular : TreeEntry.Regular;
    }

    /// <summary>Why an entry cannot be read, in words that quote nothing of what lies there.</summary>
    /// <param name="entry">Anything but <see cref="TreeEntry.Regular"/>.</param>
    /// <param name="tree">What the tree is, e.g. "the rule set's folder".</param>
    public static string Refusal(TreeEntry entry, string tree) => entry switch
    {
        TreeEntry.Missing => "there is no such file",
        TreeEntry.Outside => $"the file lies outside {tree} once links and '..' are resolved; only files inside it are read",
        _ => "the file is empty or is not a regular file (a folder, pipe, socket or device); only regular files are read",
    };

    private bool IsInside(string file)
    {
        var separated = root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar;
        return file.Equals(root, PathComparison) || file.StartsWith(separated, PathComparison);
    }

    /// <summary>
    /// The path with every link and every <c>.</c> and <c>..</c> resolved, component by component, as the system resolves
    /// it: a link's target first, then a <c>..</c> after it. Components that do not exist are kept as written.
    /// </summary>
    /// <exception cref="IOException">More than <see cref="MaxLinks"/> links (a loop).</exception>
    internal static string RealPath(string path)
    {
        // Made absolute without folding "a/../b" into "b": a '..' is resolved only once the links before it are.
        var full = !Path.IsPathRooted(path) ? Path.Join(Environment.CurrentDirectory, path)
            : Path.IsPathFullyQualified(path) ? path
            : Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Components(full[current.Length..]).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Join(current, part);
            var target = LinkTarget(next);
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"more than {MaxLinks} links in one path");
            }

            // The target's components are resolved next, from the link's folder or from the root it names.
            var targetRoot = Path.IsPathRooted(target) ? Path.GetPathRoot(target)! : "";
            foreach (var component in Components(target[targetRoot.Length..]).Reverse())
            {
                pending.Push(component);
            }

            if (targetRoot.Length > 0)
            {
                current = Path.GetPathRoot(Path.GetFullPath(target))!;
            }
        }

        return current;
    }

    private static string[] Components(string path) => path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]);

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
