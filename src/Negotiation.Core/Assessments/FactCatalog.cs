using System.Collections.Frozen;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Negotiation.Core.Messages;
using Newtonsoft.Json.Serialization;

namespace Negotiation.Core.Assessments;

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
    /// Gets, by name, a compiled writer for each value: it writes what <see cref="MessageFormat"/> writes for the
    /// boxed value, straight into the message.
    /// </summary>
    public static FrozenDictionary<string, FactWriter<T>> Writers { get; } = ByName.ToFrozenDictionary(f => f.Key, f => CompileWriter(f.Value.Property), StringComparer.Ordinal);

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

    // (source, text, format, currency, language, decimals) => MessageFormat.Append(text, source.Property, format, currency, language, decimals),
    // with the overload for the property's type, or the one taking object for a type it has none for.
    private static FactWriter<T> CompileWriter(PropertyInfo property)
    {
        var source = Expression.Parameter(typeof(T), "source");
        var text = Expression.Parameter(typeof(StringBuilder), "text");
        var format = Expression.Parameter(typeof(FactFormat), "format");
        var currency = Expression.Parameter(typeof(string), "currency");
        var language = Expression.Parameter(typeof(string), "language");
        var decimals = Expression.Parameter(typeof(int), "decimals");
        Expression value = Expression.Property(source, property);
        var append = typeof(MessageFormat).GetMethod(
            nameof(MessageFormat.Append), BindingFlags.NonPublic | BindingFlags.Static, [typeof(StringBuilder), property.PropertyType, typeof(FactFormat), typeof(string), typeof(string), typeof(int)]);
        if (append is null || append.GetParameters()[1].ParameterType != property.PropertyType)
        {
            append = typeof(MessageFormat).GetMethod(
                nameof(MessageFormat.Append), BindingFlags.NonPublic | BindingFlags.Static, [typeof(StringBuilder), typeof(object), typeof(FactFormat), typeof(string), typeof(string), typeof(int)])!;
            value = Expression.Convert(value, typeof(object));
        }

        var body = Expression.Call(append, text, value, format, currency, language, decimals);
        return Expression.Lambda<FactWriter<T>>(body, source, text, format, currency, language, decimals).Compile();
    }
}
