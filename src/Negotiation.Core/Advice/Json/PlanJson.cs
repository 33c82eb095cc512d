using System.Buffers;
using System.Linq.Expressions;
using System.Reflection;
using Negotiation.Core.Assessments;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using Newtonsoft.Json;
using Newtonsoft.Json.Converters;
using Newtonsoft.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.JsonNet;

namespace Negotiation.Core.Advice.Json;

/// <summary>
/// Writes plans as JSON: camelCase, kebab-case enums, ISO dates, no culture, nothing that varies between runs — byte for
/// byte what Newtonsoft's contract serializer wrote with <see cref="FallbackSettings"/> (the tests keep it as the oracle),
/// but by hand, into a reused buffer: a plan is 45,000 characters on one line, two thirds of it the trace.
/// </summary>
/// <remarks>
/// Thread-safe. The plan's records are written by hand in their declaration order; <see cref="Assessment"/> and
/// <see cref="RequestTerms"/>, bags of some hundred properties, by a writer compiled from their public properties in
/// the order Newtonsoft takes them. A trace value other than a yes/no, a number, text or an ISO date (an enum, a list
/// of enums, a record) is rare and goes to Newtonsoft itself, so that it is written by the same converters as before.
/// </remarks>
internal static class PlanJson
{
    /// <summary>The settings the plan contract was defined by; used for the values the hand-written writer leaves to them.</summary>
    internal static readonly JsonSerializerSettings FallbackSettings = CreateSettings();

    private static readonly Action<JsonTextBuffer, Assessment> AssessmentWriter = CompileContract<Assessment>();
    private static readonly Action<JsonTextBuffer, RequestTerms> TermsWriter = CompileContract<RequestTerms>();

    internal static string Write(NegotiationPlan plan) => WriteString(plan, indented: true);

    /// <summary>Writes the plan contract on one line with no indentation, for JSON Lines (as <c>negotiation batch</c> does).</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The JSON, with no line break in it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    internal static string ToJsonLine(NegotiationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return WriteString(plan, indented: false);
    }

    /// <summary>Writes the plan contract on one line with no indentation to <paramref name="output"/>, without building a string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="output"/> is null.</exception>
    internal static void WriteJsonLine(NegotiationPlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var writer = JsonTextBuffer.Rent(indented: false);
        WritePlan(writer, plan);
        output.Write(writer.Written);
        JsonTextBuffer.Return(writer);
    }

    /// <summary>Writes the plan contract on one line with no indentation to <paramref name="output"/> as UTF-8, without building a string.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="output"/> is null.</exception>
    internal static void WriteJsonLine(NegotiationPlan plan, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var writer = JsonTextBuffer.Rent(indented: false);
        WritePlan(writer, plan);
        writer.CopyUtf8To(output);
        JsonTextBuffer.Return(writer);
    }

    private static string WriteString(NegotiationPlan plan, bool indented)
    {
        var writer = JsonTextBuffer.Rent(indented);
        WritePlan(writer, plan);
        var json = new string(writer.Written);
        JsonTextBuffer.Return(writer);
        return json;
    }

    /// <summary>The plan contract, property by property in the records' declaration order; nulls are left out except <c>nextFollowUp</c>.</summary>
    private static void WritePlan(JsonTextBuffer w, NegotiationPlan plan)
    {
        w.StartObject();
        if (plan.RuleSet is { } ruleSet)
        {
            w.Name("ruleSet");
            w.StartObject();
            Property(w, "id", ruleSet.Id);
            Property(w, "version", ruleSet.Version);
            Property(w, "effectiveFrom", ruleSet.EffectiveFrom);
            w.EndObject();
        }

        Property(w, "asOf", plan.AsOf);
        Property(w, "language", plan.Language);
        Property(w, "currency", plan.Currency);
        if (plan.Assessment is { } assessment)
        {
            w.Name("assessment");
            w.StartObject();
            AssessmentWriter(w, assessment);
            w.EndObject();
        }

        if (plan.Decision is { } decision)
        {
            w.Name("decision");
            w.StartObject();
            Property(w, "outcome", decision.Outcome);
            List(w, "reasons", decision.Reasons, static (w, reason) =>
            {
                Property(w, "code", reason.Code);
                Property(w, "message", reason.Message);
                Property(w, "citations", reason.Citations);
            });
            w.EndObject();
        }

        List(w, "requests", plan.Requests, static (w, request) =>
        {
            Property(w, "rank", request.Rank);
            Property(w, "type", request.Type);
            Property(w, "code", request.Code);
            Property(w, "rationale", request.Rationale);
            if (request.Terms is { } terms)
            {
                w.Name("terms");
                w.StartObject();
                TermsWriter(w, terms);
                w.EndObject();
            }

            Property(w, "savings", request.Savings);
            if (request.Schedule is { } schedule)
            {
                w.Name("schedule");
                w.StartArray();
                for (var i = 0; i < schedule.Count; i++)
                {
                    var instalment = schedule[i];
                    w.StartObject();
                    Property(w, "period", instalment.Period);
                    Property(w, "dueDate", instalment.DueDate);
                    Property(w, "payment", instalment.Payment);
                    Property(w, "principal", instalment.Principal);
                    Property(w, "interest", instalment.Interest);
                    Property(w, "fee", instalment.Fee);
                    Property(w, "balance", instalment.Balance);
                    w.EndObject();
                }

                w.EndArray();
            }

            Property(w, "caveats", request.Caveats);
            Property(w, "citations", request.Citations);
        });
        List(w, "materials", plan.Materials, static (w, material) =>
        {
            Property(w, "code", material.Code);
            Property(w, "required", material.Required);
            Property(w, "held", material.Held);
            Property(w, "why", material.Why);
            Property(w, "tips", material.Tips);
            Property(w, "citations", material.Citations);
        });
        if (plan.Communication is { } communication)
        {
            w.Name("communication");
            w.StartObject();
            Property(w, "opening", communication.Opening);
            List(w, "points", communication.Points, static (w, point) =>
            {
                Property(w, "code", point.Code);
                Property(w, "message", point.Message);
            });
            w.EndObject();
        }

        List(w, "watchpoints", plan.Watchpoints, static (w, watchpoint) =>
        {
            Property(w, "code", watchpoint.Code);
            Property(w, "severity", watchpoint.Severity);
            Property(w, "dueDate", watchpoint.DueDate);
            Property(w, "message", watchpoint.Message);
        });
        List(w, "warnings", plan.Warnings, static (w, warning) =>
        {
            Property(w, "code", warning.Code);
            Property(w, "severity", warning.Severity);
            Property(w, "message", warning.Message);
        });
        List(w, "remedies", plan.Remedies, static (w, remedy) =>
        {
            Property(w, "step", remedy.Step);
            Property(w, "code", remedy.Code);
            Property(w, "message", remedy.Message);
            Property(w, "channel", remedy.Channel);
            Property(w, "waitDays", remedy.WaitDays);
        });

        // The one property written when null: apps read "no follow-up" from it.
        w.Name("nextFollowUp");
        if (plan.NextFollowUp is { } followUp)
        {
            DateValue(w, followUp);
        }
        else
        {
            w.Null();
        }

        List(w, "citations", plan.Citations, static (w, citation) =>
        {
            Property(w, "id", citation.Id);
            Property(w, "title", citation.Title);
            Property(w, "source", citation.Source);
            Property(w, "certainty", citation.Certainty);
            Property(w, "bindsThisLender", citation.BindsThisLender);
        });
        List(w, "trace", plan.Trace, static (w, entry) =>
        {
            Property(w, "workflow", entry.Workflow);
            Property(w, "rule", entry.Rule);
            Property(w, "success", entry.Success);
            TraceInputs(w, entry.Inputs);
            Property(w, "error", entry.Error);
        });
        w.EndObject();
    }

    /// <summary>
    /// Writes a rule's trace inputs like <see cref="List{T}"/> would. A plan's 471 inputs are some 90 objects, each read
    /// once and shared by the rules that name the same value: an input already written in this plan is copied from
    /// the text written the first time instead of being formatted again.
    /// </summary>
    private static void TraceInputs(JsonTextBuffer w, ValueList<TraceInput>? inputs)
    {
        if (inputs is null)
        {
            return;
        }

        w.Name("inputs");
        w.StartArray();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is not { } input)
            {
                w.Null();
            }
            else if (!w.TryRepeat(input))
            {
                var start = w.StartObject();
                Property(w, "path", input.Path);
                Property(w, "value", input.Value);
                w.EndObject();
                w.Remember(input, start);
            }
        }

        w.EndArray();
    }

    /// <summary>Writes a list of objects, each by <paramref name="properties"/>; a null list is left out, a null item is <c>null</c>.</summary>
    private static void List<T>(JsonTextBuffer w, string name, ValueList<T>? list, Action<JsonTextBuffer, T> properties)
        where T : class
    {
        if (list is null)
        {
            return;
        }

        w.Name(name);
        w.StartArray();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is { } item)
            {
                w.StartObject();
                properties(w, item);
                w.EndObject();
            }
            else
            {
                w.Null();
            }
        }

        w.EndArray();
    }

    // The property writers the hand-written plan and the compiled contracts call: one per type, nulls left out.

    private static void Property(JsonTextBuffer w, string name, string? value)
    {
        if (value is not null)
        {
            w.Name(name);
            w.Value(value);
        }
    }

    private static void Property(JsonTextBuffer w, string name, bool value)
    {
        w.Name(name);
        w.Value(value);
    }

    private static void Property(JsonTextBuffer w, string name, int value)
    {
        w.Name(name);
        w.Value(value);
    }

    private static void Property(JsonTextBuffer w, string name, int? value)
    {
        if (value is { } number)
        {
            Property(w, name, number);
        }
    }

    private static void Property(JsonTextBuffer w, string name, decimal value)
    {
        w.Name(name);
        w.Value(value);
    }

    private static void Property(JsonTextBuffer w, string name, decimal? value)
    {
        if (value is { } amount)
        {
            Property(w, name, amount);
        }
    }

    private static void Property(JsonTextBuffer w, string name, LocalDate value)
    {
        w.Name(name);
        DateValue(w, value);
    }

    private static void Property(JsonTextBuffer w, string name, LocalDate? value)
    {
        if (value is { } date)
        {
            Property(w, name, date);
        }
    }

    private static void Property(JsonTextBuffer w, string name, ValueList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        w.Name(name);
        w.StartArray();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } text)
            {
                w.Value(text);
            }
            else
            {
                w.Null();
            }
        }

        w.EndArray();
    }

    /// <summary>Any other value, typed <c>object</c> (trace values, properties of types the writer does not know).</summary>
    private static void Property(JsonTextBuffer w, string name, object? value)
    {
        if (value is null)
        {
            return;
        }

        w.Name(name);
        switch (value)
        {
            case bool yes:
                w.Value(yes);
                break;
            case int number:
                w.Value(number);
                break;
            case decimal amount:
                w.Value(amount);
                break;
            case string text:
                w.Value(text);
                break;
            case long number:
                w.Value(number);
                break;
            case LocalDate date:
                DateValue(w, date);
                break;
            default:
                w.RawValue(Fallback(value, w.Indented));
                break;
        }
    }

    private static void DateValue(JsonTextBuffer w, LocalDate date)
    {
        if (!w.TryValue(date))
        {
            w.RawValue(Fallback(date, w.Indented));
        }
    }

    /// <summary>What Newtonsoft writes for <paramref name="value"/> on its own, with the plan's settings.</summary>
    private static string Fallback(object value, bool indented) =>
        JsonConvert.SerializeObject(value, indented ? Formatting.Indented : Formatting.None, FallbackSettings);

    /// <summary>
    /// Compiles a writer of <typeparamref name="T"/>'s public properties in the order and with the names Newtonsoft's
    /// camelCase contract gives them, each through the <c>Property</c> overload of its type (the <c>object</c> one when
    /// there is none), so that a property added to the type is written without touching this file.
    /// </summary>
    private static Action<JsonTextBuffer, T> CompileContract<T>()
    {
        var writer = Expression.Parameter(typeof(JsonTextBuffer), "w");
        var value = Expression.Parameter(typeof(T), "value");
        var naming = new CamelCaseNamingStrategy();
        var objectOverload = PropertyOverload(typeof(object))!;
        var calls = new List<Expression>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true } || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }

            if (property.IsDefined(typeof(JsonPropertyAttribute)))
            {
                // Its name or null handling would differ from the contract's defaults; the differential tests would say so.
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: [JsonProperty] is not supported by the plan writer.");
            }

            var name = naming.GetPropertyName(property.Name, hasSpecifiedName: false);
            Expression read = Expression.Property(value, property);
            var overload = PropertyOverload(property.PropertyType);
            if (overload is null)
            {
                overload = objectOverload;
                read = Expression.Convert(read, typeof(object));
            }

            calls.Add(Expression.Call(overload, writer, Expression.Constant(name), read));
        }

        Expression body = calls.Count == 0 ? Expression.Empty() : Expression.Block(calls);
        return Expression.Lambda<Action<JsonTextBuffer, T>>(body, writer, value).Compile();
    }

    /// <summary>The <c>Property</c> overload for exactly <paramref name="type"/>, or null.</summary>
    private static MethodInfo? PropertyOverload(Type type) =>
        typeof(PlanJson).GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == nameof(Property) && m.GetParameters() is [_, _, var p] && p.ParameterType == type);

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
