using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime.Serialization.JsonNet;

namespace Negotiation.Core.Advice.Json;

/// <summary>Writes plans as JSON: camelCase, kebab-case enums, ISO dates, no culture, nothing that varies between runs.</summary>
internal static class PlanJson
{
    private static readonly JsonSerializerSettings Settings = CreateSettings();

    public static string Write(NegotiationPlan plan) => JsonConvert.SerializeObject(plan, Formatting.Indented, Settings);

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
