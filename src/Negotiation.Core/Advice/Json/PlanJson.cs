using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime.Serialization.JsonNet;

namespace Negotiation.Core.Advice.Json;

/// <summary>Writes plans as JSON: camelCase, kebab-case enums, ISO dates, no culture, nothing that varies between runs.</summary>
/// <remarks>Thread-safe. <see cref="NegotiationPlan.ToJson"/> writes the same contract indented.</remarks>
public static class PlanJson
{
    private static readonly JsonSerializerSettings Settings = CreateSettings();

    internal static string Write(NegotiationPlan plan) => JsonConvert.SerializeObject(plan, Formatting.Indented, Settings);

    /// <summary>Writes the plan contract on one line with no indentation, for JSON Lines (as <c>negotiation batch</c> does).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON, with no line break in it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static string ToJsonLine(NegotiationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return JsonConvert.SerializeObject(plan, Formatting.None, Settings);
    }

    private static JsonSerializerSettings CreateSettings()
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new DefaultContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
            NullValueHandling = NullValueHandling.Ignore,
            Culture = System.Globalization.CultureInfo.InvariantCulture,
            TypeNameHandling = TypeNameHandling.None,
        };
        settings.Converters.Add(new StringEnumConverter(new KebabCaseNamingStrategy(), allowIntegerValues: false));
        settings.Converters.Add(NodaConverters.LocalDateConverter);
        return settings;
    }
}
