using System.Text;
using Negotiation.Core.Assessments;

namespace Negotiation.Core.Messages;

/// <summary>
/// A message with <c>{placeholders}</c>: <c>{daysPastDue}</c> names a fact, <c>{params.followUpDays}</c> a
/// rule-set parameter, <c>{terms.months}</c> a term of the proposed request; <c>{name:format}</c> picks the
/// format (<c>money</c>, <c>percent</c>, <c>date</c>, <c>days</c>, <c>months</c>, <c>plain</c>). <c>{{</c> and <c>}}</c> write braces.
/// </summary>
/// <remarks>Parsed once when the rule set loads; immutable and thread-safe.</remarks>
internal sealed class MessageTemplate
{
    private readonly Segment[] segments;

    private MessageTemplate(Segment[] segments) => this.segments = segments;

    /// <summary>Gets the placeholders the template names, in order.</summary>
    public IEnumerable<Placeholder> Placeholders => segments.Where(s => s.Placeholder is not null).Select(s => s.Placeholder!);

    /// <summary>Gets the template's pieces in order: each is a literal text or a placeholder, never both.</summary>
    public IEnumerable<(string? Literal, Placeholder? Placeholder)> Pieces => segments.Select(s => (s.Literal, s.Placeholder));

    /// <summary>Parses a template, or returns the reason it cannot be parsed.</summary>
    public static MessageTemplate Parse(string text, out string? error)
    {
        var result = new List<Segment>();
        var literal = new StringBuilder();
        error = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                literal.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < text.Length && text[i + 1] == '}')
            {
                literal.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = text.IndexOf('}', i + 1);
                if (end < 0)
                {
                    error = $"'{{' at position {i + 1} is not closed; write '{{{{' for a brace";
                    return new MessageTemplate([]);
                }

                var body = text[(i + 1)..end];
                var placeholder = Placeholder.Parse(body, out error);
                if (placeholder is null)
                {
                    return new MessageTemplate([]);
                }

                if (literal.Length > 0)
                {
                    result.Add(new Segment(literal.ToString(), null));
                    literal.Clear();
                }

                result.Add(new Segment(null, placeholder));
                i = end;
            }
            else if (c == '}')
            {
                error = $"'}}' at position {i + 1} has no opening brace; write '}}}}' for a brace";
                return new MessageTemplate([]);
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            result.Add(new Segment(literal.ToString(), null));
        }

        return new MessageTemplate([.. result]);
    }

    /// <summary>Writes the message, asking <paramref name="resolve"/> for each placeholder's value and default format.</summary>
    public string Render(Func<Placeholder, (object? Value, FactFormat Format)> resolve, string language, string currency, int decimals) =>
        Render(static (p, r) => r(p), resolve, language, currency, decimals);

    /// <summary>
    /// Writes the message, asking <paramref name="resolve"/> for each placeholder's value and default format; the state is
    /// passed through so that a caller need not allocate a closure per message.
    /// </summary>
    public string Render<TState>(Func<Placeholder, TState, (object? Value, FactFormat Format)> resolve, TState state, string language, string currency, int decimals)
    {
        // Most messages are one literal, or one placeholder: no builder needed.
        switch (segments)
        {
            case []:
                return "";
            case [{ Placeholder: null } only]:
                return only.Literal!;
            case [{ Placeholder: { } single }]:
                return Format(single, resolve(single, state), language, currency, decimals);
        }

        var text = CachedBuilder ?? new StringBuilder(256);
        CachedBuilder = null;
        foreach (var segment in segments)
        {
            if (segment.Placeholder is { } p)
            {
                text.Append(Format(p, resolve(p, state), language, currency, decimals));
            }
            else
            {
                text.Append(segment.Literal);
            }
        }

        var message = text.ToString();
        text.Clear();
        CachedBuilder = text;
        return message;
    }

    private static string Format(Placeholder p, (object? Value, FactFormat Format) resolved, string language, string currency, int decimals) =>
        MessageFormat.Value(resolved.Value, p.Format ?? resolved.Format, currency, language, decimals);

    /// <summary>One builder per thread, reused from message to message (a plan renders dozens).</summary>
    [ThreadStatic]
    private static StringBuilder? CachedBuilder;

    private sealed record Segment(string? Literal, Placeholder? Placeholder);
}

/// <summary>One <c>{scope.name:format}</c> in a message; <see cref="Scope"/> is empty for a fact.</summary>
internal sealed record Placeholder(string Scope, string Name, FactFormat? Format, string Text)
{
    public static Placeholder? Parse(string body, out string? error)
    {
        error = null;
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        var path = (colon < 0 ? body : body[..colon]).Trim();
        FactFormat? format = null;
        if (colon >= 0)
        {
            var formatName = body[(colon + 1)..].Trim();
            if (!Enum.TryParse<FactFormat>(formatName, ignoreCase: true, out var parsed) || !char.IsLetter(formatName.FirstOrDefault()))
            {
                error = $"placeholder '{{{body}}}' has an unknown format '{formatName}'; use money, percent, date, days, months or plain";
                return null;
            }

            format = parsed;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var (scope, name) = dot < 0 ? ("", path) : (path[..dot], path[(dot + 1)..]);
        if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(name[0]) || !scope.All(char.IsAsciiLetter))
        {
            error = $"placeholder '{{{body}}}' is not a name; write {{fact}}, {{params.name}} or {{terms.name}}, optionally with :format";
            return null;
        }

        return new Placeholder(scope, name, format, "{" + body + "}");
    }
}
