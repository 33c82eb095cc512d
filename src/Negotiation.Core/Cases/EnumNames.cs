using System.Runtime.CompilerServices;
using Newtonsoft.Json.Serialization;

namespace Negotiation.Core.Cases;

/// <summary>
/// The one place that names enum values: kebab-case, as case files, rule files and plans spell them
/// (<c>BankCard</c> is <c>bank-card</c>). The case reader, the rule-set loader, the assessment and the plan writer all
/// take their names from here.
/// </summary>
internal static class EnumNames
{
    /// <summary>The naming rule, for a serializer that must spell enum values the same way (the case reader's).</summary>
    public static readonly NamingStrategy Naming = new KebabCaseNamingStrategy();

    /// <summary>The kebab-case name of <paramref name="value"/>.</summary>
    public static string Of(Enum value) => Naming.GetPropertyName(value.ToString(), false);
}

/// <summary>
/// The kebab-case name of each value of an enum (<see cref="EnumNames.Of(Enum)"/>), worked out once: an assessment
/// names a dozen codes, and writing each anew cost a string and a naming pass.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
/// <remarks>
/// A plain array indexed by the value, not a dictionary: a dictionary keyed by each enum type is generic code the
/// JIT compiles anew per enum, which a process pays for on its first advice.
/// </remarks>
internal static class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    // The names of the values 0 … n − 1 (null where the enum defines none), or none for an enum not stored as int.
    private static readonly string?[] Names = Build();

    /// <summary>Gets the value's name; a value the table does not hold is named on the spot, as before.</summary>
    public static string Of(TEnum value)
    {
        if (Names.Length > 0)
        {
            var index = Unsafe.BitCast<TEnum, int>(value);
            if ((uint)index < (uint)Names.Length && Names[index] is { } name)
            {
                return name;
            }
        }

        return EnumNames.Of(value);
    }

    // Each name back to its value, for codes that arrive as text (a rule's outcome, a request's type).
    private static readonly Dictionary<string, TEnum> Values =
        Enum.GetValues<TEnum>().ToDictionary(v => EnumNames.Of(v), v => v, StringComparer.Ordinal);

    /// <summary>Gets the value a kebab-case name names; the loader has already admitted only known names.</summary>
    public static TEnum Parse(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"'{name}' is not a {typeof(TEnum).Name} name", nameof(name));

    private static string?[] Build()
    {
        if (Enum.GetUnderlyingType(typeof(TEnum)) != typeof(int))
        {
            return [];
        }

        const int MaxIndexed = 256;
        var names = new string?[MaxIndexed];
        var count = 0;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var index = Unsafe.BitCast<TEnum, int>(value);
            if (index is >= 0 and < MaxIndexed)
            {
                names[index] = EnumNames.Of(value);
                count = Math.Max(count, index + 1);
            }
        }

        return names[..count];
    }
}
