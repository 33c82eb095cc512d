namespace Negotiation.Core.Cases;

/// <summary>What kind of value a case field holds, which decides how it is checked.</summary>
internal enum FieldKind
{
    /// <summary>Decided by the property's CLR type alone.</summary>
    Default,
    /// <summary>An amount of money: a JSON number, ≥ 0, ≤ the money bound, within the currency's minor unit.</summary>
    Money,
    /// <summary>A rate as a fraction: a JSON number, ≥ 0, ≤ Max.</summary>
    Rate,
    /// <summary>Free text: a string no longer than the text bound.</summary>
    Text,
    /// <summary>An ISO 4217 currency code from the supported table.</summary>
    Currency,
}

/// <summary>
/// Declares how one property of the case model is checked when a case is read. The case reader walks
/// the model's properties by reflection and applies these, so that the checks live beside the fields.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class CaseFieldAttribute : Attribute
{
    public bool Required { get; init; }

    public FieldKind Kind { get; init; }

    /// <summary>Inclusive lower bound for integers; NaN when none.</summary>
    public double Min { get; init; } = double.NaN;

    /// <summary>Inclusive upper bound for integers and rates; NaN when none.</summary>
    public double Max { get; init; } = double.NaN;

    /// <summary>The most elements an array may hold.</summary>
    public int MaxItems { get; init; } = CaseLimits.MaxItems;
}
