using Negotiation.Core.Cases;

namespace Negotiation.Core.Tests.Support;

/// <summary>The kebab-case code of a plan's closed-set value, as plans and scenarios spell it, for tests that compare codes.</summary>
internal static class CodeNames
{
    public static string Code<TEnum>(this TEnum value)
        where TEnum : struct, Enum => EnumNames<TEnum>.Of(value);
}
