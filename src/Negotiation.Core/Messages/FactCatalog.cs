using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Negotiation.Core.Assessments;
using Newtonsoft.Json.Serialization;
using NodaTime;

namespace Negotiation.Core.Messages;

/// <summary>One named value that messages can show: its camelCase name, its format, and a compiled getter.</summary>
internal sealed record FactInfo(string Name, PropertyInfo Property, FactFormat Format, Func<object, object?> Get);

/// <summary>Writes one named value of <typeparamref name="T"/> into a message, in the given format, without boxing it.</summary>
internal delegate void FactWriter<in T>(T source, StringBuilder text, FactFormat format, string currency, string language, int decimals);

/// <summary>
/// The named values of a type whose properties carry <see cref="FactFieldAttribute"/> (the <see cref="Assessment"/>,
/// a request's terms), found once by reflection, with compiled getters.
/// </summary>
internal static class FactCatalog<T>
{
    public static FrozenDictionary<string, FactInfo> ByName { get; } = Build();

    /// <summary>
    /// Gets, by name, a writer for each value: it writes what <see cref="MessageFormat"/> writes for the boxed value,
    /// straight into the message.
    /// </summary>
    public static FrozenDictionary<string, FactWriter<T>> Writers { get; } = ByName.ToFrozenDictionary(f => f.Key, f => CompileWriter(f.Value), StringComparer.Ordinal);

    /// <summary>Finds a value by its exact camelCase name.</summary>
    public static FactInfo? Find(string name) => ByName.GetValueOrDefault(name);

    private static FrozenDictionary<string, FactInfo> Build()
    {
        var naming = new CamelCaseNamingStrategy();
        var facts = new Dictionary<string, FactInfo>(StringComparer.Ordinal);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetCustomAttribute<FactFieldAttribute>() is not { } fact)
            {
                continue;
            }

            var instance = Expression.Parameter(typeof(object));
            var body = Expression.Convert(Expression.Property(Expression.Convert(instance, typeof(T)), property), typeof(object));
            var getter = Expression.Lambda<Func<object, object?>>(body, instance).Compile();
            var name = naming.GetPropertyName(property.Name, false);
            facts[name] = new FactInfo(name, property, fact.Format, getter);
        }

        return facts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    // Writes with the MessageFormat.Append overload for the property's type, through the property's own getter: no
    // expression is compiled, so that binding messages adds nothing to start-up. A type without an overload of its own
    // is written boxed, through the compiled getter.
    private static FactWriter<T> CompileWriter(FactInfo fact)
    {
        var type = fact.Property.PropertyType;
        return type == typeof(decimal) ? Typed<decimal>(fact.Property, MessageFormat.Append)
            : type == typeof(decimal?) ? Typed<decimal?>(fact.Property, MessageFormat.Append)
            : type == typeof(int) ? Typed<int>(fact.Property, MessageFormat.Append)
            : type == typeof(int?) ? Typed<int?>(fact.Property, MessageFormat.Append)
            : type == typeof(bool) ? Typed<bool>(fact.Property, MessageFormat.Append)
            : type == typeof(bool?) ? Typed<bool?>(fact.Property, MessageFormat.Append)
            : type == typeof(LocalDate) ? Typed<LocalDate>(fact.Property, MessageFormat.Append)
            : type == typeof(LocalDate?) ? Typed<LocalDate?>(fact.Property, MessageFormat.Append)
            : type == typeof(string) ? Typed<string?>(fact.Property, MessageFormat.Append)
            : Boxed(fact.Get);
    }

    private static FactWriter<T> Typed<TValue>(PropertyInfo property, Appender<TValue> append)
    {
        var get = property.GetMethod!.CreateDelegate<Func<T, TValue>>();
        return (source, text, format, currency, language, decimals) => append(text, get(source), format, currency, language, decimals);
    }

    private static FactWriter<T> Boxed(Func<object, object?> get) =>
        (source, text, format, currency, language, decimals) => MessageFormat.Append(text, get(source!), format, currency, language, decimals);

    private delegate void Appender<in TValue>(StringBuilder text, TValue value, FactFormat format, string currency, string language, int decimals);
}
