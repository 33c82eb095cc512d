using System.Runtime.CompilerServices;
using Negotiation.Core.Cases.Json;

namespace Negotiation.Core.Assessments;

/// <summary>
/// The kebab-case name of each value of an enum, as <see cref="CaseJson.EnumName"/> writes it, worked out once:
/// an assessment names a dozen codes, and writing each anew cost a string and a naming pass.
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

        return CaseJson.EnumName(value);
    }

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
                names[index] = CaseJson.EnumName(value);
                count = Math.Max(count, index + 1);
            }
        }

        return names[..count];
    }
}
