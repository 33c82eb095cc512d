using Negotiation.Core.RuleSets;

namespace Negotiation.Cli;

/// <summary>Loads rule sets for the commands, reporting problems as <c>dir/file:line:col: rule 'name': message</c>.</summary>
internal static class RuleSetFiles
{
    /// <summary>Loads the set in <paramref name="path"/>, or the embedded default when it is null.</summary>
    public static RuleSet? TryLoad(string? path, TextWriter stderr)
    {
        try
        {
            // A folder when there is one by that name; else the id of a rule set embedded in the library.
            return path is null ? RuleSet.Default
                : !Directory.Exists(path) && RuleSet.EmbeddedIds.Contains(path) ? RuleSet.Embedded(path)
                : RuleSet.FromDirectory(path);
        }
        catch (RuleSetValidationException e)
        {
            foreach (var problem in e.Problems)
            {
                // Name the file as the user can open it: the folder they gave plus the file's name.
                var file = path is null || problem.File == path ? problem.File : Path.Combine(path, problem.File);
                stderr.WriteLine(problem with { File = file });
            }

            return null;
        }
    }
}
