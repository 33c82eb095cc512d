namespace Negotiation.Core.Assessments;

/// <summary>How a fact is written when a message names it as a <c>{placeholder}</c>.</summary>
public enum FactFormat
{
    /// <summary>As it is: text, a whole number, yes/no.</summary>
    Plain,
    /// <summary>An amount in the case's currency, to its minor unit, with group separators.</summary>
    Money,
    /// <summary>A fraction written as a percentage (0.18 → 18%).</summary>
    Percent,
    /// <summary>A date, written the way the language writes dates.</summary>
    Date,
    /// <summary>A number of days.</summary>
    Days,
    /// <summary>A number of months.</summary>
    Months,
}

/// <summary>Marks a property of <see cref="Assessment"/> as a fact and says how messages write it.</summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class FactFieldAttribute(FactFormat format = FactFormat.Plain) : Attribute
{
    public FactFormat Format { get; } = format;
}
