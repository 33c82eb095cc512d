using System.Globalization;
using System.Text;
using Negotiation.Core.Advice;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime.Serialization.JsonNet;

namespace Negotiation.Core.Tests.Advice.Json;

/// <summary>
/// The oracle: the Newtonsoft plan writer as it shipped before the hand-written one (src/Negotiation.Core/Advice/Json),
/// kept unchanged so that the differential tests can hold the new writer to its bytes.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal static class NewtonsoftPlanJson
{
    /// <summary>One serializer for every plan: <c>JsonConvert.SerializeObject</c> would build one from the settings per call.</summary>
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(CreateSettings(withTraceConverter: true));

    /// <summary>Per thread, the builder of the last plan, kept so that the next plan does not grow one from 256 characters.</summary>
    [ThreadStatic]
    private static StringBuilder? lastBuilder;

    internal static string Write(NegotiationPlan plan) => Write(plan, Formatting.Indented);

    /// <summary>Writes the plan contract on one line with no indentation, for JSON Lines (as <c>negotiation batch</c> does).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON, with no line break in it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    internal static string ToJsonLine(NegotiationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Write(plan, Formatting.None);
    }

    /// <summary>Writes the plan contract on one line with no indentation to <paramref name="output"/>, without building a string.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="output">Where to write; no line break is written.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="output"/> is null.</exception>
    internal static void WriteJsonLine(NegotiationPlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new JsonTextWriter(output) { Formatting = Formatting.None, CloseOutput = false };
        Serializer.Serialize(json, plan);
    }

    /// <summary>What <c>JsonConvert.SerializeObject(plan, formatting, settings)</c> writes, with a shared serializer and a reused builder.</summary>
    private static string Write(NegotiationPlan plan, Formatting formatting)
    {
        var builder = lastBuilder ?? new StringBuilder(InitialCapacity);
        lastBuilder = null;
        using (var text = new StringWriter(builder, CultureInfo.InvariantCulture))
        using (var json = new JsonTextWriter(text) { Formatting = formatting })
        {
            Serializer.Serialize(json, plan);
        }

        var result = builder.ToString();
        builder.Clear();
        lastBuilder = builder;
        return result;
    }

    /// <summary>A plan with a trace is some 50,000 characters on one line, 90,000 indented.</summary>
    private const int InitialCapacity = 64 * 1024;

    /// <summary>
    /// The settings the plan contract was defined by: camelCase, no nulls, kebab-case enums, ISO dates; with the trace
    /// converter (what the library used to write) or without it (the plain contract serializer).
    /// </summary>
    internal static JsonSerializerSettings CreateSettings(bool withTraceConverter)
    {
        var settings = new JsonSerializerSettings
        {
            ContractResolver = new ContractResolver { NamingStrategy = new CamelCaseNamingStrategy() },
            NullValueHandling = NullValueHandling.Ignore,
            Culture = System.Globalization.CultureInfo.InvariantCulture,
            TypeNameHandling = TypeNameHandling.None,
        };
        settings.Converters.Add(new StringEnumConverter(new KebabCaseNamingStrategy(), allowIntegerValues: false));
        settings.Converters.Add(NodaConverters.LocalDateConverter);
        if (withTraceConverter)
        {
            settings.Converters.Add(new TraceEntryConverter());
        }

        return settings;
    }
}

/// <summary>
/// The plan contract as the model's attributes once told Newtonsoft: computed members (no setter) are left out, and
/// <c>nextFollowUp</c> is written even when null. The public model carries no serializer attributes any more.
/// </summary>
file sealed class ContractResolver : DefaultContractResolver
{
    protected override JsonProperty CreateProperty(System.Reflection.MemberInfo member, MemberSerialization memberSerialization)
    {
        var property = base.CreateProperty(member, memberSerialization);
        property.Ignored |= member is System.Reflection.PropertyInfo { SetMethod: null };
        if (member.DeclaringType == typeof(NegotiationPlan) && member.Name == nameof(NegotiationPlan.NextFollowUp))
        {
            property.NullValueHandling = NullValueHandling.Include;
        }

        return property;
    }
}
