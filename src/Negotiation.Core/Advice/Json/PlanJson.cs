using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Negotiation.Core.Assessments;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets.Evaluation;
using NodaTime;
using NodaTime.Text;

namespace Negotiation.Core.Advice.Json;

/// <summary>
/// Writes plans as JSON with <see cref="Utf8JsonWriter"/>: camelCase, kebab-case enums, ISO dates, decimals exactly as
/// they are held (their scale kept), nulls left out except <c>nextFollowUp</c>, and nothing that depends on the culture
/// or the run, so that the same plan always gives the same bytes. Strings are made from the UTF-8 the writer produced.
/// </summary>
/// <remarks>
/// Thread-safe: each thread reuses its own writer and buffer. The plan's records are written in their declaration
/// order; <see cref="Assessment"/> and <see cref="RequestTerms"/>, bags of some hundred properties, by a property list
/// found once by reflection, so that a property added to them is written without touching this file.
/// </remarks>
internal static class PlanJson
{
    /// <summary>A plan with the default trace is some 20,000 bytes; with every rule, some 60,000.</summary>
    private const int InitialCapacity = 64 * 1024;

    /// <summary>A buffer a huge plan grew beyond this is dropped after use, so that one plan does not pin it for the thread's life.</summary>
    private const int LargestKeptBuffer = 1024 * 1024;

    /// <summary>Only what JSON requires is escaped: Chinese text stays readable, and the bytes do not depend on an encoder's allow-list of HTML characters.</summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly JsonWriterOptions IndentedOptions = new() { Encoder = Encoder, Indented = true, NewLine = "\n", SkipValidation = true };

    private static readonly JsonWriterOptions LineOptions = new() { Encoder = Encoder, Indented = false, SkipValidation = true };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Per thread, the buffer of the last plan written to a string.</summary>
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? lastBuffer;

    /// <summary>Per thread, the last writer of each kind, reset onto the next output.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? indentedWriter;

    [ThreadStatic]
    private static Utf8JsonWriter? lineWriter;

    /// <summary>Writes the plan as indented JSON.</summary>
    internal static string ToJson(NegotiationPlan plan, PlanTrace trace) => WriteString(plan, trace, indented: true);

    /// <summary>Writes the plan on one line with no indentation, for JSON Lines (as <c>negotiation batch</c> does).</summary>
    internal static string ToJsonLine(NegotiationPlan plan, PlanTrace trace) => WriteString(plan, trace, indented: false);

    /// <summary>Writes the plan on one line to <paramref name="output"/>.</summary>
    internal static void WriteJsonLine(NegotiationPlan plan, TextWriter output, PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(output);
        var buffer = TakeBuffer();
        Write(plan, buffer, trace, indented: false);
        var chars = ArrayPool<char>.Shared.Rent(Utf8.GetMaxCharCount(buffer.WrittenCount));
        var count = Utf8.GetChars(buffer.WrittenSpan, chars);
        output.Write(chars, 0, count);
        ArrayPool<char>.Shared.Return(chars);
        ReturnBuffer(buffer);
    }

    /// <summary>Writes the plan on one line to <paramref name="output"/> as UTF-8.</summary>
    internal static void WriteJsonLine(NegotiationPlan plan, IBufferWriter<byte> output, PlanTrace trace)
    {
        ArgumentNullException.ThrowIfNull(output);
        Write(plan, output, trace, indented: false);
    }

    private static string WriteString(NegotiationPlan plan, PlanTrace trace, bool indented)
    {
        var buffer = TakeBuffer();
        Write(plan, buffer, trace, indented);
        var json = Utf8.GetString(buffer.WrittenSpan);
        ReturnBuffer(buffer);
        return json;
    }

    private static ArrayBufferWriter<byte> TakeBuffer()
    {
        var buffer = lastBuffer ?? new ArrayBufferWriter<byte>(InitialCapacity);
        lastBuffer = null;
        return buffer;
    }

    private static void ReturnBuffer(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= LargestKeptBuffer)
        {
            buffer.ResetWrittenCount();
            lastBuffer = buffer;
        }
    }

    private static void Write(NegotiationPlan plan, IBufferWriter<byte> output, PlanTrace trace, bool indented)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (trace is not (PlanTrace.None or PlanTrace.Fired or PlanTrace.All))
        {
            throw new ArgumentOutOfRangeException(nameof(trace), trace, "The trace is none, fired or all.");
        }

        // Taken off the thread while in use, so that a plan written from inside another (none is) could not share it.
        Utf8JsonWriter? writer;
        if (indented)
        {
            writer = indentedWriter;
            indentedWriter = null;
        }
        else
        {
            writer = lineWriter;
            lineWriter = null;
        }

        if (writer is null)
        {
            writer = new Utf8JsonWriter(output, indented ? IndentedOptions : LineOptions);
        }
        else
        {
            writer.Reset(output);
        }

        WritePlan(writer, plan, trace);
        writer.Flush();
        writer.Reset(); // lets go of the output
        if (indented)
        {
            indentedWriter = writer;
        }
        else
        {
            lineWriter = writer;
        }
    }

    /// <summary>The plan contract, property by property in the records' declaration order.</summary>
    private static void WritePlan(Utf8JsonWriter w, NegotiationPlan plan, PlanTrace trace)
    {
        w.WriteStartObject();
        if (plan.RuleSet is { } ruleSet)
        {
            w.WriteStartObject(Names.RuleSet);
            Property(w, Names.Id, ruleSet.Id);
            Property(w, Names.Version, ruleSet.Version);
            Property(w, Names.EffectiveFrom, ruleSet.EffectiveFrom);
            w.WriteEndObject();
        }

        Property(w, Names.AsOf, plan.AsOf);
        Property(w, Names.Language, plan.Language);
        Property(w, Names.Currency, plan.Currency);
        if (plan.Assessment is { } assessment)
        {
            w.WriteStartObject(Names.Assessment);
            Contract<Assessment>.Write(w, assessment);
            w.WriteEndObject();
        }

        if (plan.Decision is { } decision)
        {
            w.WriteStartObject(Names.Decision);
            Property(w, Names.Outcome, decision.Outcome);
            List(w, Names.Reasons, decision.Reasons, static (w, reason) =>
            {
                Property(w, Names.Code, reason.Code);
                Property(w, Names.Message, reason.Message);
                Property(w, Names.Citations, reason.Citations);
            });
            w.WriteEndObject();
        }

        List(w, Names.Requests, plan.Requests, static (w, request) =>
        {
            w.WriteNumber(Names.Rank, request.Rank);
            Property(w, Names.Type, request.Type);
            Property(w, Names.Code, request.Code);
            Property(w, Names.Rationale, request.Rationale);
            if (request.Terms is { } terms)
            {
                w.WriteStartObject(Names.Terms);
                Contract<RequestTerms>.Write(w, terms);
                w.WriteEndObject();
            }

            Property(w, Names.Savings, request.Savings);
            if (request.Schedule is { } schedule)
            {
                w.WriteStartArray(Names.Schedule);
                for (var i = 0; i < schedule.Count; i++)
                {
                    var instalment = schedule[i];
                    w.WriteStartObject();
                    w.WriteNumber(Names.Period, instalment.Period);
                    Property(w, Names.DueDate, instalment.DueDate);
                    w.WriteNumber(Names.Payment, instalment.Payment);
                    w.WriteNumber(Names.Principal, instalment.Principal);
                    w.WriteNumber(Names.Interest, instalment.Interest);
                    w.WriteNumber(Names.Fee, instalment.Fee);
                    w.WriteNumber(Names.Balance, instalment.Balance);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
            }

            Property(w, Names.Caveats, request.Caveats);
            Property(w, Names.Citations, request.Citations);
        });
        List(w, Names.Materials, plan.Materials, static (w, material) =>
        {
            Property(w, Names.Code, material.Code);
            w.WriteBoolean(Names.Required, material.Required);
            w.WriteBoolean(Names.Held, material.Held);
            Property(w, Names.Why, material.Why);
            Property(w, Names.Tips, material.Tips);
            Property(w, Names.Citations, material.Citations);
        });
        if (plan.Communication is { } communication)
        {
            w.WriteStartObject(Names.Communication);
            Property(w, Names.Opening, communication.Opening);
            List(w, Names.Points, communication.Points, static (w, point) =>
            {
                Property(w, Names.Code, point.Code);
                Property(w, Names.Message, point.Message);
            });
            w.WriteEndObject();
        }

        List(w, Names.Watchpoints, plan.Watchpoints, static (w, watchpoint) =>
        {
            Property(w, Names.Code, watchpoint.Code);
            Property(w, Names.Severity, watchpoint.Severity);
            Property(w, Names.DueDate, watchpoint.DueDate);
            Property(w, Names.Message, watchpoint.Message);
        });
        List(w, Names.Warnings, plan.Warnings, static (w, warning) =>
        {
            Property(w, Names.Code, warning.Code);
            Property(w, Names.Severity, warning.Severity);
            Property(w, Names.Message, warning.Message);
        });
        List(w, Names.Remedies, plan.Remedies, static (w, remedy) =>
        {
            w.WriteNumber(Names.Step, remedy.Step);
            Property(w, Names.Code, remedy.Code);
            Property(w, Names.Message, remedy.Message);
            Property(w, Names.Channel, remedy.Channel);
            Property(w, Names.ChannelName, remedy.ChannelName);
            Property(w, Names.WaitDays, remedy.WaitDays);
        });

        // The one property written when null: apps read "no follow-up" from it.
        w.WritePropertyName(Names.NextFollowUp);
        if (plan.NextFollowUp is { } followUp)
        {
            DateValue(w, followUp);
        }
        else
        {
            w.WriteNullValue();
        }

        List(w, Names.Citations, plan.Citations, static (w, citation) =>
        {
            Property(w, Names.Id, citation.Id);
            Property(w, Names.Title, citation.Title);
            Property(w, Names.Source, citation.Source);
            Property(w, Names.Certainty, citation.Certainty);
            w.WriteBoolean(Names.BindsThisLender, citation.BindsThisLender);
        });
        List(w, Names.BudgetGroups, plan.BudgetGroups, static (w, group) =>
        {
            Property(w, Names.Name, group.Name);
            w.WriteNumber(Names.Monthly, group.Monthly);
            w.WriteStartArray(Names.Categories);
            foreach (var category in group.Categories)
            {
                w.WriteStringValue(EnumNames<ExpenseCategory>.Of(category));
            }

            w.WriteEndArray();
        });
        if (trace == PlanTrace.Fired)
        {
            FiredTrace(w, plan);
        }
        else if (trace == PlanTrace.All)
        {
            Trace(w, plan.Trace);
        }

        w.WriteEndObject();
    }

    /// <summary>The whole trace: every entry, fired or not, with every value it read; an entry's inputs are read only when it is written.</summary>
    private static void Trace(Utf8JsonWriter w, ValueList<TraceEntry>? trace)
    {
        if (trace is null)
        {
            return;
        }

        w.WriteStartArray(Names.Trace);
        for (var i = 0; i < trace.Count; i++)
        {
            if (trace[i] is not { } entry)
            {
                w.WriteNullValue();
                continue;
            }

            w.WriteStartObject();
            Property(w, Names.Workflow, entry.Workflow);
            Property(w, Names.Rule, entry.Rule);
            w.WriteBoolean(Names.Success, entry.Success);
            List(w, Names.Inputs, entry.Inputs, static (w, input) =>
            {
                Property(w, Names.Path, input.Path);
                if (input.Value is { } value)
                {
                    w.WritePropertyName(Names.Value);
                    Value(w, value);
                }
            });
            Property(w, Names.Error, entry.Error);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// The compact trace of the rules that fired, by workflow in evaluation order:
    /// <c>{"workflow": {"rules": ["rule", …], "values": {"path": value, …}}, …}</c>. <c>rules</c> are the workflow's rules that
    /// fired; <c>values</c> what they read that the plan's assessment does not hold (named conditions, parameters, case
    /// fields, a fact that a later workflow changed), each once: a workflow's rules see one set of facts, so a condition has
    /// one value in it however many rules read it. Which rule read what is its expression's to say (<c>negotiation explain</c>,
    /// or the whole trace); writing the values again under every rule that read them was half the trace (2026-12-06:
    /// <c>obligationsFirst</c> sixteen times in the English seed plan). An entry's values are read only when written.
    /// </summary>
    private static void FiredTrace(Utf8JsonWriter w, NegotiationPlan plan)
    {
        if (plan.Trace is not { } trace)
        {
            return;
        }

        w.WriteStartObject(Names.Trace);
        for (var start = 0; start < trace.Count;)
        {
            var workflow = trace[start]?.Workflow ?? "";
            var end = start;
            var fired = false;
            for (; end < trace.Count && string.Equals(trace[end]?.Workflow ?? "", workflow, StringComparison.Ordinal); end++)
            {
                fired |= trace[end] is { Success: true };
            }

            if (fired)
            {
                WorkflowTrace(w, trace, start, end, workflow, plan.Assessment);
            }

            start = end;
        }

        w.WriteEndObject();
    }

    /// <summary>One workflow's part of the compact trace: entries <paramref name="start"/> to <paramref name="end"/> (exclusive).</summary>
    private static void WorkflowTrace(Utf8JsonWriter w, ValueList<TraceEntry> trace, int start, int end, string workflow, Assessment? facts)
    {
        w.WriteStartObject(workflow);
        w.WriteStartArray(Names.Rules);
        for (var i = start; i < end; i++)
        {
            if (trace[i] is { Success: true } entry)
            {
                w.WriteStringValue(entry.Rule ?? "");
            }
        }

        w.WriteEndArray();
        w.WriteStartObject(Names.Values);
        // The workflow's entries share one set of values (the facts change only between workflows): a path is written
        // once, the first time a fired rule names it.
        var paths = trace[start]?.Values is { } shared ? shared.Reads.PathCount : 0;
        Span<bool> written = paths <= 1024 ? stackalloc bool[paths] : new bool[paths];
        for (var i = start; i < end; i++)
        {
            if (trace[i] is not { Success: true } entry)
            {
                continue;
            }

            if (entry.Values is { } values && facts is not null && values.Reads.PathCount == paths)
            {
                foreach (var path in values.PathsNotHeldBy(entry.RuleIndex, facts))
                {
                    if (!written[path] && !values.HeldBy(path, facts))
                    {
                        written[path] = true;
                        var input = values.Input(path);
                        w.WritePropertyName(input.Path);
                        Value(w, input.Value);
                    }
                }
            }
            else
            {
                HandMadeValues(w, trace, start, i, facts);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>
    /// The values of a trace entry built by hand (no shared values), each path not held by the assessment and not already
    /// named by an earlier hand-made entry of the workflow: the first value written for a path stands.
    /// </summary>
    private static void HandMadeValues(Utf8JsonWriter w, ValueList<TraceEntry> trace, int start, int index, Assessment? facts)
    {
        var inputs = trace[index]!.Inputs;
        for (var j = 0; j < (inputs?.Count ?? 0); j++)
        {
            if (inputs![j] is { } input && !AssessmentHolds(facts, input) && !NamedBefore(trace, start, index, facts, input.Path))
            {
                w.WritePropertyName(input.Path ?? "");
                Value(w, input.Value);
            }
        }
    }

    /// <summary>Whether a fired hand-made entry of the workflow before <paramref name="index"/> wrote <paramref name="path"/> already.</summary>
    private static bool NamedBefore(ValueList<TraceEntry> trace, int start, int index, Assessment? facts, string? path)
    {
        for (var i = start; i < index; i++)
        {
            if (trace[i] is { Success: true, Values: null } earlier &&
                earlier.Inputs.Any(input => input is not null && string.Equals(input.Path, path, StringComparison.Ordinal) && !AssessmentHolds(facts, input)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="facts"/> holds a trace input built by hand: a <c>facts.…</c> path with the same value (a list by its size).</summary>
    private static bool AssessmentHolds(Assessment? facts, TraceInput input)
    {
        if (facts is null || input.Path is not { } path || !InputReader.IsFact(path) ||
            !AssessmentProperties.Value.TryGetValue(path["facts.".Length..], out var property))
        {
            return false;
        }

        var value = property.GetValue(facts);
        return Equals(input.Value, value is ICollection collection ? collection.Count : value is IReadOnlyCollection<object> items ? items.Count : value);
    }

    private static readonly Lazy<Dictionary<string, PropertyInfo>> AssessmentProperties = new(() =>
        Properties(typeof(Assessment)).ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase));

    /// <summary>Writes a list of objects, each by <paramref name="properties"/>; a null list is left out, a null item is <c>null</c>.</summary>
    private static void List<T>(Utf8JsonWriter w, JsonEncodedText name, ValueList<T>? list, Action<Utf8JsonWriter, T> properties)
        where T : class
    {
        if (list is null)
        {
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } item)
            {
                w.WriteStartObject();
                properties(w, item);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    // One writer per type of property; a null is left out.

    /// <summary>Writes an enum as its kebab-case name, as the contract spells closed sets.</summary>
    private static void Property<TEnum>(Utf8JsonWriter w, JsonEncodedText name, TEnum value)
        where TEnum : struct, Enum => w.WriteString(name, EnumNames<TEnum>.Of(value));

    private static void Property(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void Property(Utf8JsonWriter w, JsonEncodedText name, int? value)
    {
        if (value is { } number)
        {
            w.WriteNumber(name, number);
        }
    }

    private static void Property(Utf8JsonWriter w, JsonEncodedText name, decimal? value)
    {
        if (value is { } amount)
        {
            w.WriteNumber(name, amount);
        }
    }

    private static void Property(Utf8JsonWriter w, JsonEncodedText name, bool? value)
    {
        if (value is { } yes)
        {
            w.WriteBoolean(name, yes);
        }
    }

    private static void Property(Utf8JsonWriter w, JsonEncodedText name, LocalDate? value)
    {
        if (value is { } date)
        {
            w.WritePropertyName(name);
            DateValue(w, date);
        }
    }

    private static void Property(Utf8JsonWriter w, JsonEncodedText name, ValueList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } text)
            {
                w.WriteStringValue(text);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    /// <summary>An ISO date, <c>yyyy-MM-dd</c>; a year outside 1–9999 as NodaTime's ISO pattern writes it.</summary>
    private static void DateValue(Utf8JsonWriter w, LocalDate date)
    {
        Span<byte> text = stackalloc byte[10];
        if (date.Calendar == CalendarSystem.Iso && date.Year is >= 1 and <= 9999 &&
            date.Year.TryFormat(text, out _, "D4", CultureInfo.InvariantCulture) &&
            date.Month.TryFormat(text[5..], out _, "D2", CultureInfo.InvariantCulture) &&
            date.Day.TryFormat(text[8..], out _, "D2", CultureInfo.InvariantCulture))
        {
            text[4] = (byte)'-';
            text[7] = (byte)'-';
            w.WriteStringValue(text);
        }
        else
        {
            w.WriteStringValue(LocalDatePattern.Iso.Format(date));
        }
    }

    /// <summary>
    /// Any value typed <c>object</c> (a trace value): yes/no, a number, text, an ISO date, an enum by its kebab-case name,
    /// a list as an array, and any other object by its public properties, camelCase, nulls left out.
    /// </summary>
    private static void Value(Utf8JsonWriter w, object? value, int depth = 0)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case bool yes:
                w.WriteBooleanValue(yes);
                break;
            case int number:
                w.WriteNumberValue(number);
                break;
            case decimal amount:
                w.WriteNumberValue(amount);
                break;
            case string text:
                w.WriteStringValue(text);
                break;
            case long number:
                w.WriteNumberValue(number);
                break;
            case LocalDate date:
                DateValue(w, date);
                break;
            case Enum named:
                w.WriteStringValue(EnumNames.Of(named));
                break;
            case double number when double.IsFinite(number):
                w.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                w.WriteNumberValue(number);
                break;
            case double or float:
                // JSON has no NaN or infinity: written as text, as the contract always did.
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case ulong number:
                w.WriteNumberValue(number);
                break;
            case sbyte or byte or short or ushort or uint:
                w.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case IEnumerable items when depth < MaxValueDepth:
                w.WriteStartArray();
                foreach (var item in items)
                {
                    Value(w, item, depth + 1);
                }

                w.WriteEndArray();
                break;
            case not IEnumerable when depth < MaxValueDepth:
                w.WriteStartObject();
                foreach (var (name, property) in ObjectProperties(value.GetType()))
                {
                    if (property.GetValue(value) is { } item)
                    {
                        w.WritePropertyName(name);
                        Value(w, item, depth + 1);
                    }
                }

                w.WriteEndObject();
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>How deep a trace value's lists and objects are followed; the model is a few levels deep.</summary>
    private const int MaxValueDepth = 16;

    private static readonly ConcurrentDictionary<Type, (JsonEncodedText Name, PropertyInfo Property)[]> ObjectPropertiesByType = new();

    /// <summary>A type's public readable properties in declaration order, by camelCase name, without those marked to be ignored.</summary>
    private static (JsonEncodedText Name, PropertyInfo Property)[] ObjectProperties(Type type) =>
        ObjectPropertiesByType.GetOrAdd(type, static t => [.. Properties(t).Select(p => (Name(p), p))]);

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetMethod is { IsPublic: true })
            // Computed members (a total, a category's group) have no setter: they are derived, not data.
            .Where(p => p.SetMethod is not null);

    private static JsonEncodedText Name(PropertyInfo property) => JsonEncodedText.Encode(JsonNamingPolicy.CamelCase.ConvertName(property.Name), Encoder);

    /// <summary>
    /// The writer of <typeparamref name="T"/>'s public properties in declaration order, camelCase, nulls left out: each
    /// through the typed writer of its property's type, read by the property's own getter (nothing is compiled).
    /// </summary>
    private static class Contract<T>
    {
        private static readonly Action<Utf8JsonWriter, T>[] Writers = [.. Properties(typeof(T)).Select(PropertyWriter)];

        public static void Write(Utf8JsonWriter w, T value)
        {
            foreach (var write in Writers)
            {
                write(w, value);
            }
        }

        private static Action<Utf8JsonWriter, T> PropertyWriter(PropertyInfo property)
        {
            var name = Name(property);
            var type = property.PropertyType;
            return type == typeof(decimal) ? Typed<decimal>(property, (w, v) => w.WriteNumber(name, v))
                : type == typeof(decimal?) ? Typed<decimal?>(property, (w, v) => Property(w, name, v))
                : type == typeof(int) ? Typed<int>(property, (w, v) => w.WriteNumber(name, v))
                : type == typeof(int?) ? Typed<int?>(property, (w, v) => Property(w, name, v))
                : type == typeof(bool) ? Typed<bool>(property, (w, v) => w.WriteBoolean(name, v))
                : type == typeof(bool?) ? Typed<bool?>(property, (w, v) => Property(w, name, v))
                : type == typeof(string) ? Typed<string?>(property, (w, v) => Property(w, name, v))
                : type == typeof(LocalDate) ? Typed<LocalDate>(property, (w, v) => Property(w, name, v))
                : type == typeof(LocalDate?) ? Typed<LocalDate?>(property, (w, v) => Property(w, name, v))
                : type == typeof(ValueList<string>) ? Typed<ValueList<string>?>(property, (w, v) => Property(w, name, v))
                : (w, value) =>
                {
                    if (property.GetValue(value) is { } item)
                    {
                        w.WritePropertyName(name);
                        Value(w, item);
                    }
                };
        }

        private static Action<Utf8JsonWriter, T> Typed<TValue>(PropertyInfo property, Action<Utf8JsonWriter, TValue> write)
        {
            var get = property.GetMethod!.CreateDelegate<Func<T, TValue>>();
            return (w, value) => write(w, get(value));
        }
    }

    /// <summary>The contract's property names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
        public static readonly JsonEncodedText Assessment = JsonEncodedText.Encode("assessment");
        public static readonly JsonEncodedText Balance = JsonEncodedText.Encode("balance");
        public static readonly JsonEncodedText BindsThisLender = JsonEncodedText.Encode("bindsThisLender");
        public static readonly JsonEncodedText Caveats = JsonEncodedText.Encode("caveats");
        public static readonly JsonEncodedText Certainty = JsonEncodedText.Encode("certainty");
        public static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
        public static readonly JsonEncodedText ChannelName = JsonEncodedText.Encode("channelName");
        public static readonly JsonEncodedText BudgetGroups = JsonEncodedText.Encode("budgetGroups");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Categories = JsonEncodedText.Encode("categories");
        public static readonly JsonEncodedText Monthly = JsonEncodedText.Encode("monthly");
        public static readonly JsonEncodedText Citations = JsonEncodedText.Encode("citations");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Communication = JsonEncodedText.Encode("communication");
        public static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
        public static readonly JsonEncodedText Decision = JsonEncodedText.Encode("decision");
        public static readonly JsonEncodedText DueDate = JsonEncodedText.Encode("dueDate");
        public static readonly JsonEncodedText EffectiveFrom = JsonEncodedText.Encode("effectiveFrom");
        public static readonly JsonEncodedText Error = JsonEncodedText.Encode("error");
        public static readonly JsonEncodedText Fee = JsonEncodedText.Encode("fee");
        public static readonly JsonEncodedText Held = JsonEncodedText.Encode("held");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Inputs = JsonEncodedText.Encode("inputs");
        public static readonly JsonEncodedText Interest = JsonEncodedText.Encode("interest");
        public static readonly JsonEncodedText Language = JsonEncodedText.Encode("language");
        public static readonly JsonEncodedText Materials = JsonEncodedText.Encode("materials");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText NextFollowUp = JsonEncodedText.Encode("nextFollowUp");
        public static readonly JsonEncodedText Opening = JsonEncodedText.Encode("opening");
        public static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
        public static readonly JsonEncodedText Path = JsonEncodedText.Encode("path");
        public static readonly JsonEncodedText Payment = JsonEncodedText.Encode("payment");
        public static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");
        public static readonly JsonEncodedText Points = JsonEncodedText.Encode("points");
        public static readonly JsonEncodedText Principal = JsonEncodedText.Encode("principal");
        public static readonly JsonEncodedText Rank = JsonEncodedText.Encode("rank");
        public static readonly JsonEncodedText Rationale = JsonEncodedText.Encode("rationale");
        public static readonly JsonEncodedText Reasons = JsonEncodedText.Encode("reasons");
        public static readonly JsonEncodedText Remedies = JsonEncodedText.Encode("remedies");
        public static readonly JsonEncodedText Requests = JsonEncodedText.Encode("requests");
        public static readonly JsonEncodedText Required = JsonEncodedText.Encode("required");
        public static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
        public static readonly JsonEncodedText Rules = JsonEncodedText.Encode("rules");
        public static readonly JsonEncodedText RuleSet = JsonEncodedText.Encode("ruleSet");
        public static readonly JsonEncodedText Savings = JsonEncodedText.Encode("savings");
        public static readonly JsonEncodedText Schedule = JsonEncodedText.Encode("schedule");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
        public static readonly JsonEncodedText Step = JsonEncodedText.Encode("step");
        public static readonly JsonEncodedText Success = JsonEncodedText.Encode("success");
        public static readonly JsonEncodedText Terms = JsonEncodedText.Encode("terms");
        public static readonly JsonEncodedText Tips = JsonEncodedText.Encode("tips");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText Trace = JsonEncodedText.Encode("trace");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
        public static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
        public static readonly JsonEncodedText WaitDays = JsonEncodedText.Encode("waitDays");
        public static readonly JsonEncodedText Warnings = JsonEncodedText.Encode("warnings");
        public static readonly JsonEncodedText Watchpoints = JsonEncodedText.Encode("watchpoints");
        public static readonly JsonEncodedText Why = JsonEncodedText.Encode("why");
        public static readonly JsonEncodedText Workflow = JsonEncodedText.Encode("workflow");
    }
}
