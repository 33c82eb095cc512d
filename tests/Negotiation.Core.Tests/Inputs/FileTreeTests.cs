using Negotiation.Core.Inputs;

namespace Negotiation.Core.Tests.Inputs;

/// <summary>Paths are resolved as the system resolves them, links first, before anything is read or refused.</summary>
public sealed class FileTreeTests : IDisposable
{
    private readonly string temp = Directory.CreateTempSubdirectory("negotiation-tree-").FullName;

    public void Dispose() => Directory.Delete(temp, recursive: true);

    [Fact]
    public void A_regular_file_inside_is_regular_and_resolved_to_itself()
    {
        var tree = FileTree.Of(Folder("set"));
        File.WriteAllText(Path.Combine(temp, "set", "a.json"), "{}");

        Assert.Equal(TreeEntry.Regular, tree.Check("a.json", out var file));
        Assert.Equal(FileTree.RealPath(Path.Combine(temp, "set", "a.json")), file);
    }

    [Fact]
    public void Dot_dot_after_a_link_is_taken_from_the_link_target_as_the_system_does()
    {
        // set/sub -> ../elsewhere/deep, so set/sub/../x.json is elsewhere/x.json, not set/x.json.
        Folder("set");
        Folder(Path.Combine("elsewhere", "deep"));
        File.WriteAllText(Path.Combine(temp, "set", "x.json"), "{}");
        File.WriteAllText(Path.Combine(temp, "elsewhere", "x.json"), "{}");
        Directory.CreateSymbolicLink(Path.Combine(temp, "set", "sub"), Path.Combine("..", "elsewhere", "deep"));

        var tree = FileTree.Of(Path.Combine(temp, "set"));

        Assert.Equal(TreeEntry.Outside, tree.Check(Path.Combine("sub", "..", "x.json"), out var file));
        Assert.Equal(FileTree.RealPath(Path.Combine(temp, "elsewhere", "x.json")), file);
    }

    [Fact]
    public void A_loop_of_links_leads_nowhere()
    {
        var tree = FileTree.Of(Folder("set"));
        File.CreateSymbolicLink(Path.Combine(temp, "set", "a.json"), "b.json");
        File.CreateSymbolicLink(Path.Combine(temp, "set", "b.json"), "a.json");

        Assert.Equal(TreeEntry.Missing, tree.Check("a.json", out _));
    }

    [Fact]
    public void Empty_files_and_folders_are_not_regular_files_and_missing_ones_are_missing()
    {
        var tree = FileTree.Of(Folder("set"));
        File.WriteAllText(Path.Combine(temp, "set", "empty.json"), "");
        Folder(Path.Combine("set", "folder.json"));

        Assert.Equal(TreeEntry.NotRegular, tree.Check("empty.json", out _));
        Assert.Equal(TreeEntry.NotRegular, tree.Check("folder.json", out _));
        Assert.Equal(TreeEntry.Missing, tree.Check("missing.json", out _));
    }

    [Fact]
    public void A_sibling_folder_whose_name_starts_like_the_tree_is_outside()
    {
        var tree = FileTree.Of(Folder("set"));
        Folder("set-other");
        File.WriteAllText(Path.Combine(temp, "set-other", "a.json"), "{}");

        Assert.Equal(TreeEntry.Outside, tree.Check(Path.Combine("..", "set-other", "a.json"), out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Refusals_say_why_and_quote_nothing_of_the_file(int entry)
    {
        var message = FileTree.Refusal((TreeEntry)entry, "the rule set's folder");

        Assert.DoesNotContain(temp, message, StringComparison.Ordinal);
        Assert.True(message.Length < 150, message);
    }

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(temp, name)).FullName;
}
