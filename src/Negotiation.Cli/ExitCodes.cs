namespace Negotiation.Cli;

/// <summary>The process exit codes of the <c>negotiation</c> command.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The input (a case, a rule set, a scenario) is invalid or a check failed.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong: unknown verb or option, missing argument.</summary>
    public const int Usage = 2;
}
