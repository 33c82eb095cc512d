using System.Collections.Frozen;
using Negotiation.Core.Cases.Json;

namespace Negotiation.Core.Assessments;

/// <summary>
/// The kebab-case name of each value of an enum, as <see cref="CaseJson.EnumName"/> writes it, worked out once:
/// an assessment names a dozen codes, and writing each anew cost a string and a naming pass.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().Distinct().ToFrozenDictionary(v => v, v => CaseJson.EnumName(v));

    /// <summary>Gets the value's name; a value the enum does not define is named on the spot, as before.</summary>
    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : CaseJson.EnumName(value);
}
