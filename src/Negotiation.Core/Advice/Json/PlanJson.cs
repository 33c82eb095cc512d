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
/// but by hand, into a reused buffer of characters (the strings) or of UTF-8 bytes (<c>WriteJsonLine(IBufferWriter)</c>):
/// a plan is 45,000 characters on one line, two thirds of it the trace.
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
        var writer = JsonBuffer<char>.Rent(indented: false);
        WritePlan(writer, plan);
        output.Write(writer.Written);
        JsonBuffer<char>.Return(writer);
    }

    /// <summary>
    /// Writes the plan contract on one line with no indentation to <paramref name="output"/> as UTF-8, without building a
    /// string: the UTF-8 of <see cref="ToJsonLine"/>, with an unpaired surrogate as U+FFFD.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="output"/> is null.</exception>
    internal static void WriteJsonLine(NegotiationPlan plan, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var writer = JsonBuffer<byte>.Rent(indented: false);
        WritePlan(writer, plan);
        output.Write(writer.Written);
        JsonBuffer<byte>.Return(writer);
    }

    private static string WriteString(NegotiationPlan plan, bool indented)
    {
        var writer = JsonBuffer<char>.Rent(indented);
        WritePlan(writer, plan);
        var json = new string(writer.Written);
        JsonBuffer<char>.Return(writer);
        return json;
    }

    /// <summary>The plan contract, property by property in the records' declaration order; nulls are left out except <c>nextFollowUp</c>.</summary>
    private static void WritePlan<TUnit>(JsonBuffer<TUnit> w, NegotiationPlan plan)
        where TUnit : unmanaged
    {
        w.StartObject();
        if (plan.RuleSet is { } ruleSet)
        {
            w.Name(Names.RuleSet);
            w.StartObject();
            Property(w, Names.Id, ruleSet.Id);
            Property(w, Names.Version, ruleSet.Version);
            Property(w, Names.EffectiveFrom, ruleSet.EffectiveFrom);
            w.EndObject();
        }

        Property(w, Names.AsOf, plan.AsOf);
        Property(w, Names.Language, plan.Language);
        Property(w, Names.Currency, plan.Currency);
        if (plan.Assessment is { } assessment)
        {
            w.Name(Names.Assessment);
            w.StartObject();
            Contract<TUnit, Assessment>.Write(w, assessment);
            w.EndObject();
        }

        if (plan.Decision is { } decision)
        {
            w.Name(Names.Decision);
            w.StartObject();
            Property(w, Names.Outcome, decision.Outcome);
            List(w, Names.Reasons, decision.Reasons, static (w, reason) =>
            {
                Property(w, Names.Code, reason.Code);
                Property(w, Names.Message, reason.Message);
                Property(w, Names.Citations, reason.Citations);
            });
            w.EndObject();
        }

        List(w, Names.Requests, plan.Requests, static (w, request) =>
        {
            Property(w, Names.Rank, request.Rank);
            Property(w, Names.Type, request.Type);
            Property(w, Names.Code, request.Code);
            Property(w, Names.Rationale, request.Rationale);
            if (request.Terms is { } terms)
            {
                w.Name(Names.Terms);
                w.StartObject();
                Contract<TUnit, RequestTerms>.Write(w, terms);
                w.EndObject();
            }

            Property(w, Names.Savings, request.Savings);
            if (request.Schedule is { } schedule)
            {
                w.Name(Names.Schedule);
                w.StartArray();
                for (var i = 0; i < schedule.Count; i++)
                {
                    var instalment = schedule[i];
                    w.StartObject();
                    Property(w, Names.Period, instalment.Period);
                    Property(w, Names.DueDate, instalment.DueDate);
                    Property(w, Names.Payment, instalment.Payment);
                    Property(w, Names.Principal, instalment.Principal);
                    Property(w, Names.Interest, instalment.Interest);
                    Property(w, Names.Fee, instalment.Fee);
                    Property(w, Names.Balance, instalment.Balance);
                    w.EndObject();
                }

                w.EndArray();
            }

            Property(w, Names.Caveats, request.Caveats);
            Property(w, Names.Citations, request.Citations);
        });
        List(w, Names.Materials, plan.Materials, static (w, material) =>
        {
            Property(w, Names.Code, material.Code);
            Property(w, Names.Required, material.Required);
            Property(w, Names.Held, material.Held);
            Property(w, Names.Why, material.Why);
            Property(w, Names.Tips, material.Tips);
            Property(w, Names.Citations, material.Citations);
        });
        if (plan.Communication is { } communication)
        {
            w.Name(Names.Communication);
            w.StartObject();
            Property(w, Names.Opening, communication.Opening);
            List(w, Names.Points, communication.Points, static (w, point) =>
            {
                Property(w, Names.Code, point.Code);
                Property(w, Names.Message, point.Message);
            });
            w.EndObject();
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
            Property(w, Names.Step, remedy.Step);
            Property(w, Names.Code, remedy.Code);
            Property(w, Names.Message, remedy.Message);
            Property(w, Names.Channel, remedy.Channel);
            Property(w, Names.WaitDays, remedy.WaitDays);
        });

        // The one property written when null: apps read "no follow-up" from it.
        w.Name(Names.NextFollowUp);
        if (plan.NextFollowUp is { } followUp)
        {
            DateValue(w, followUp);
        }
        else
        {
            w.Null();
        }

        List(w, Names.Citations, plan.Citations, static (w, citation) =>
        {
            Property(w, Names.Id, citation.Id);
            Property(w, Names.Title, citation.Title);
            Property(w, Names.Source, citation.Source);
            Property(w, Names.Certainty, citation.Certainty);
            Property(w, Names.BindsThisLender, citation.BindsThisLender);
        });
        Trace(w, plan.Trace);
        w.EndObject();
    }

    /// <summary>
    /// Writes the trace like <see cref="List{TUnit, T}"/> would. On one line, an entry from a rule set starts with its
    /// rule's head — <c>{"workflow":"…","rule":"…","success":</c>, the same in every plan — made the first time and
    /// copied after that.
    /// </summary>
    private static void Trace<TUnit>(JsonBuffer<TUnit> w, ValueList<TraceEntry>? trace)
        where TUnit : unmanaged
    {
        if (trace is null)
        {
            return;
        }

        w.Name(Names.Trace);
        w.StartArray();
        for (var i = 0; i < trace.Count; i++)
        {
            if (trace[i] is not { } entry)
            {
                w.Null();
                continue;
            }

            if (!w.Indented && entry.Head is { } head && head.Fits(entry))
            {
                w.StartObject(head.Made<TUnit>() ?? head.Keep(JsonBuffer<TUnit>.Compact(entry, Head)));
            }
            else
            {
                Head(w, entry);
            }

            w.Value(entry.Success);
            TraceInputs(w, entry.Inputs);
            Property(w, Names.Error, entry.Error);
            w.EndObject();
        }

        w.EndArray();
    }

    /// <summary>An entry up to its <c>success</c> value: the start of the object, its workflow and rule, and the name.</summary>
    private static void Head<TUnit>(JsonBuffer<TUnit> w, TraceEntry entry)
        where TUnit : unmanaged
    {
        w.StartObject();
        Property(w, Names.Workflow, entry.Workflow);
        Property(w, Names.Rule, entry.Rule);
        w.Name(Names.Success);
    }

    /// <summary>
    /// Writes a rule's trace inputs like <see cref="List{TUnit, T}"/> would. A plan's 471 inputs are some 90 objects, each read
    /// once and shared by the rules that name the same value: an input already written in this plan is copied from
    /// the text written the first time instead of being formatted again.
    /// </summary>
    private static void TraceInputs<TUnit>(JsonBuffer<TUnit> w, ValueList<TraceInput>? inputs)
        where TUnit : unmanaged
    {
        if (inputs is null)
        {
            return;
        }

        w.Name(Names.Inputs);
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
                Property(w, Names.Path, input.Path);
                Property(w, Names.Value, input.Value);
                w.EndObject();
                w.Remember(input, start);
            }
        }

        w.EndArray();
    }

    /// <summary>Writes a list of objects, each by <paramref name="properties"/>; a null list is left out, a null item is <c>null</c>.</summary>
    private static void List<TUnit, T>(JsonBuffer<TUnit> w, JsonName name, ValueList<T>? list, Action<JsonBuffer<TUnit>, T> properties)
        where TUnit : unmanaged
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

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, string? value)
        where TUnit : unmanaged
    {
        if (value is not null)
        {
            w.Name(name);
            w.Value(value);
        }
    }

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, bool value)
        where TUnit : unmanaged
    {
        w.Name(name);
        w.Value(value);
    }

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, int value)
        where TUnit : unmanaged
    {
        w.Name(name);
        w.Value(value);
    }

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, int? value)
        where TUnit : unmanaged
    {
        if (value is { } number)
        {
            Property(w, name, number);
        }
    }

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, decimal value)
        where TUnit : unmanaged
    {
        w.Name(name);
        w.Value(value);
    }

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, decimal? value)
        where TUnit : unmanaged
    {
        if (value is { } amount)
        {
            Property(w, name, amount);
        }
    }

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, LocalDate value)
        where TUnit : unmanaged
    {
        w.Name(name);
        DateValue(w, value);
    }

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, LocalDate? value)
        where TUnit : unmanaged
    {
        if (value is { } date)
        {
            Property(w, name, date);
        }
    }

    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, ValueList<string>? values)
        where TUnit : unmanaged
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
    private static void Property<TUnit>(JsonBuffer<TUnit> w, JsonName name, object? value)
        where TUnit : unmanaged
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

    private static void DateValue<TUnit>(JsonBuffer<TUnit> w, LocalDate date)
        where TUnit : unmanaged
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
    private static Action<JsonBuffer<TUnit>, T> CompileContract<TUnit, T>()
        where TUnit : unmanaged
    {
        var writer = Expression.Parameter(typeof(JsonBuffer<TUnit>), "w");
        var value = Expression.Parameter(typeof(T), "value");
        var naming = new CamelCaseNamingStrategy();
        var objectOverload = PropertyOverload<TUnit>(typeof(object))!;
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

            var name = new JsonName(naming.GetPropertyName(property.Name, hasSpecifiedName: false));
            Expression read = Expression.Property(value, property);
            var overload = PropertyOverload<TUnit>(property.PropertyType);
            if (overload is null)
            {
                overload = objectOverload;
                read = Expression.Convert(read, typeof(object));
            }

            calls.Add(Expression.Call(overload, writer, Expression.Constant(name), read));
        }

        Expression body = calls.Count == 0 ? Expression.Empty() : Expression.Block(calls);
        return Expression.Lambda<Action<JsonBuffer<TUnit>, T>>(body, writer, value).Compile();
    }

    /// <summary>The <c>Property</c> overload for exactly <paramref name="type"/>, made for <typeparamref name="TUnit"/>, or null.</summary>
    private static MethodInfo? PropertyOverload<TUnit>(Type type)
        where TUnit : unmanaged =>
        typeof(PlanJson).GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .SingleOrDefault(m => m.Name == nameof(Property) && m.GetParameters() is [_, _, var p] && p.ParameterType == type)
            ?.MakeGenericMethod(typeof(TUnit));

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

    /// <summary>The writer compiled for <typeparamref name="T"/> into <typeparamref name="TUnit"/>s, made on first use.</summary>
    private static class Contract<TUnit, T>
        where TUnit : unmanaged
    {
        public static readonly Action<JsonBuffer<TUnit>, T> Write = CompileContract<TUnit, T>();
    }

    /// <summary>The contract's property names, encoded once.</summary>
    private static class Names
    {
        public static readonly JsonName AsOf = new("asOf");
        public static readonly JsonName Assessment = new("assessment");
        public static readonly JsonName Balance = new("balance");
        public static readonly JsonName BindsThisLender = new("bindsThisLender");
        public static readonly JsonName Caveats = new("caveats");
        public static readonly JsonName Certainty = new("certainty");
        public static readonly JsonName Channel = new("channel");
        public static readonly JsonName Citations = new("citations");
        public static readonly JsonName Code = new("code");
        public static readonly JsonName Communication = new("communication");
        public static readonly JsonName Currency = new("currency");
        public static readonly JsonName Decision = new("decision");
        public static readonly JsonName DueDate = new("dueDate");
        public static readonly JsonName EffectiveFrom = new("effectiveFrom");
        public static readonly JsonName Error = new("error");
        public static readonly JsonName Fee = new("fee");
        public static readonly JsonName Held = new("held");
        public static readonly JsonName Id = new("id");
        public static readonly JsonName Inputs = new("inputs");
        public static readonly JsonName Interest = new("interest");
        public static readonly JsonName Language = new("language");
        public static readonly JsonName Materials = new("materials");
        public static readonly JsonName Message = new("message");
        public static readonly JsonName NextFollowUp = new("nextFollowUp");
        public static readonly JsonName Opening = new("opening");
        public static readonly JsonName Outcome = new("outcome");
        public static readonly JsonName Path = new("path");
        public static readonly JsonName Payment = new("payment");
        public static readonly JsonName Period = new("period");
        public static readonly JsonName Points = new("points");
        public static readonly JsonName Principal = new("principal");
        public static readonly JsonName Rank = new("rank");
        public static readonly JsonName Rationale = new("rationale");
        public static readonly JsonName Reasons = new("reasons");
        public static readonly JsonName Remedies = new("remedies");
        public static readonly JsonName Requests = new("requests");
        public static readonly JsonName Required = new("required");
        public static readonly JsonName Rule = new("rule");
        public static readonly JsonName RuleSet = new("ruleSet");
        public static readonly JsonName Savings = new("savings");
        public static readonly JsonName Schedule = new("schedule");
        public static readonly JsonName Severity = new("severity");
        public static readonly JsonName Source = new("source");
        public static readonly JsonName Step = new("step");
        public static readonly JsonName Success = new("success");
        public static readonly JsonName Terms = new("terms");
        public static readonly JsonName Tips = new("tips");
        public static readonly JsonName Title = new("title");
        public static readonly JsonName Trace = new("trace");
        public static readonly JsonName Type = new("type");
        public static readonly JsonName Value = new("value");
        public static readonly JsonName Version = new("version");
        public static readonly JsonName WaitDays = new("waitDays");
        public static readonly JsonName Warnings = new("warnings");
        public static readonly JsonName Watchpoints = new("watchpoints");
        public static readonly JsonName Why = new("why");
        public static readonly JsonName Workflow = new("workflow");
    }
}
