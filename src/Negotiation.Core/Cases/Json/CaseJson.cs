using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime.Serialization.JsonNet;

namespace Negotiation.Core.Cases.Json;

/// <summary>The one place that says how case JSON maps to the model: camelCase names, kebab-case enums, ISO dates.</summary>
internal static class CaseJson
{
    public static readonly NamingStrategy PropertyNaming = new CamelCaseNamingStrategy();

    public static readonly NamingStrategy EnumNaming = EnumNames.Naming;

    // Built on first use: the names above are needed at every start (loading a rule set names enums), the serializer
    // only for a case that the fast reader hands on, or a case written back; building it costs ~65 ms in a fresh process.
    private static readonly Lazy<JsonSerializerSettings> LazySettings = new(CreateSettings);

    private static readonly Lazy<JsonSerializer> LazySerializer = new(() => JsonSerializer.Create(Settings));

    public static JsonSerializerSettings Settings => LazySettings.Value;

    public static JsonSerializer Serializer => LazySerializer.Value;

    public static string EnumName(Enum value) => EnumNames.Of(value);

    public static string PropertyName(string clrName) => PropertyNaming.GetPropertyName(clrName, false);

    private static JsonSerializerSettings CreateSettings()
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new DataOnlyContractResolver { NamingStrategy = PropertyNaming },
            // The validator has already refused unknown names; "$schema" is the one it lets through.
            MissingMemberHandling = MissingMemberHandling.Ignore,
            // An explicit null means "not given": the model's default stays.
            NullValueHandling = NullValueHandling.Ignore,
            FloatParseHandling = FloatParseHandling.Decimal,
            DateParseHandling = DateParseHandling.None,
            Culture = System.Globalization.CultureInfo.InvariantCulture,
            MaxDepth = 32,
            TypeNameHandling = TypeNameHandling.None,
        };
        settings.Converters.Add(new StringEnumConverter(EnumNaming, allowIntegerValues: false));
        settings.Converters.Add(NodaConverters.LocalDateConverter);
        return settings;
    }
}

/// <summary>Writes the model's data only: a computed member (a total, a category's group) has no setter and is left out.</summary>
file sealed class DataOnlyContractResolver : DefaultContractResolver
{
    protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        property.Ignored |= member is System.Reflection.PropertyInfo { SetMethod: null };
        return property;
    }
}
