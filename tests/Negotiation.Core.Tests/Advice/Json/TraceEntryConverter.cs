using Negotiation.Core.Advice;
using Newtonsoft.Json;

namespace Negotiation.Core.Tests.Advice.Json;

/// <summary>
/// Writes a trace entry exactly as the contract-based serializer would (camelCase, nulls left out), without its
/// per-property machinery: the trace is 128 entries and two thirds of every plan's JSON, and its values are
/// typed <c>object</c>, the serializer's slowest path.
/// </summary>
/// <remarks>Any value other than a yes/no, a whole number, a decimal or text goes back to the serializer, so dates
/// and lists are written by the same converters as everywhere else.</remarks>
internal sealed class TraceEntryConverter : JsonConverter<TraceEntry>
{
    public override bool CanRead => false;

    public override TraceEntry ReadJson(JsonReader reader, Type objectType, TraceEntry? existingValue, bool hasExistingValue, JsonSerializer serializer) =>
        throw new NotSupportedException("Plans are written, not read.");

    public override void WriteJson(JsonWriter writer, TraceEntry? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
            return;
        }

        writer.WriteStartObject();
        WriteText(writer, "workflow", value.Workflow);
        WriteText(writer, "rule", value.Rule);
        writer.WritePropertyName("success");
        writer.WriteValue(value.Success);
        writer.WritePropertyName("inputs");
        writer.WriteStartArray();
        foreach (var input in value.Inputs)
        {
            writer.WriteStartObject();
            WriteText(writer, "path", input.Path);
            WriteValue(writer, input.Value, serializer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteText(writer, "error", value.Error);
        writer.WriteEndObject();
    }

    private static void WriteText(JsonWriter writer, string name, string? text)
    {
        if (text is not null)
        {
            writer.WritePropertyName(name);
            writer.WriteValue(text);
        }
    }

    private static void WriteValue(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            return;
        }

        writer.WritePropertyName("value");
        switch (value)
        {
            case bool yes:
                writer.WriteValue(yes);
                break;
            case int number:
                writer.WriteValue(number);
                break;
            case decimal amount:
                writer.WriteValue(amount);
                break;
            case string text:
                writer.WriteValue(text);
                break;
            default:
                serializer.Serialize(writer, value);
                break;
        }
    }
}
