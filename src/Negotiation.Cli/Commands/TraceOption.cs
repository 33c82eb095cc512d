using System.CommandLine;
using Negotiation.Core.Advice;

namespace Negotiation.Cli.Commands;

/// <summary><c>--trace none|fired|all</c>: how much of the rules' trace a JSON plan carries.</summary>
internal static class TraceOption
{
    public static Option<string> Create()
    {
        var trace = new Option<string>("--trace")
        {
            Description = "JSON plans only: the rules that fired, by workflow, with the values they read (fired, the default), every rule with its own values (all), or no trace (none).",
            DefaultValueFactory = _ => "fired",
        };
        trace.AcceptOnlyFromAmong("none", "fired", "all");
        return trace;
    }

    public static PlanTrace Parse(string value) => value switch
    {
        "none" => PlanTrace.None,
        "all" => PlanTrace.All,
        _ => PlanTrace.Fired,
    };
}
