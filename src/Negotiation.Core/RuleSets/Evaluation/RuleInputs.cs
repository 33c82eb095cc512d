using System.Linq.Dynamic.Core;
using System.Linq.Expressions;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;

namespace Negotiation.Core.RuleSets.Evaluation;

/// <summary>
/// The three inputs every rule expression sees — <c>case</c>, <c>facts</c> and <c>params</c> — and the
/// run-time type of <c>params</c>, generated from the manifest so that <c>params.maxExtensionDays</c>
/// is an ordinary property and an unknown name fails to compile.
/// </summary>
internal sealed class RuleInputs
{
    public const string CaseName = "case";
    public const string FactsName = "facts";
    public const string ParamsName = "params";

    private readonly IReadOnlyDictionary<string, decimal> parameters;

    public RuleInputs(IReadOnlyDictionary<string, decimal> parameters)
    {
        this.parameters = parameters;
        var properties = parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new DynamicPropertyWithValue(p.Key, p.Value)).ToList();
        Parameters = DynamicClassFactory.CreateInstance(properties, createParameterCtor: false);
        ParametersType = Parameters.GetType();

        // RulesEngine sorts its inputs by name; the same order here makes the parsed trees the ones RulesEngine
        // would build from the same text (the tests run RulesEngine over the same files and compare).
        Expressions =
        [
            Expression.Parameter(typeof(BorrowerCase), CaseName),
            Expression.Parameter(typeof(Assessment), FactsName),
            Expression.Parameter(ParametersType, ParamsName),
        ];
    }

    /// <summary>Gets the parameter values as an object whose properties are the manifest's parameters.</summary>
    public object Parameters { get; }

    public Type ParametersType { get; }

    /// <summary>Whether an expression may name the parameter; like the parser, ignoring case.</summary>
    public bool HasParameter(string name) => parameters.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Gets the parameters' names, for "did you mean" hints.</summary>
    public IEnumerable<string> ParameterNames => parameters.Keys;

    public ParameterExpression[] Expressions { get; }

    /// <summary>The rule set's named conditions by name, each unique in the set: the trace reads a condition a rule names by its name.</summary>
    public Dictionary<string, NamedCondition> Conditions { get; } = new(StringComparer.Ordinal);
}
