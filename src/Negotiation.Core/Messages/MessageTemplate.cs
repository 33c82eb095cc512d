using System.Text;
using Negotiation.Core.Assessments;

namespace Negotiation.Core.Messages;

/// <summary>
/// A message with <c>{placeholders}</c>: <c>{daysPastDue}</c> names a fact, <c>{params.followUpDays}</c> a
/// rule-set parameter, <c>{terms.months}</c> a term of the proposed request; <c>{name:format}</c> picks the
/// format (<c>money</c>, <c>percent</c>, <c>date</c>, <c>days</c>, <c>months</c>, <c>plain</c>). <c>{{</c> and <c>}}</c> write braces.
/// <c>{?name}…{/}</c> is a section, written only when the named value is there: not missing, zero, false, empty text or an
/// empty list; <c>{!name}…{/}</c> is written only when it is not. Sections nest: one inside another is written only when
/// both are (<c>{?a}{!b}…{/}{/}</c>: a and not b).
/// </summary>
/// <remarks>Parsed once when the rule set loads; immutable and thread-safe.</remarks>
internal sealed class MessageTemplate
{
    private readonly Segment[] segments;

    private MessageTemplate(string text, Segment[] segments) => (Text, this.segments) = (text, segments);

    /// <summary>Gets the template as written in the rule set.</summary>
    public string Text { get; }

    /// <summary>Gets the placeholders the template names, in order, with the value each section asks for.</summary>
    public IEnumerable<Placeholder> Placeholders => segments.Where(s => s.Placeholder is not null).Select(s => s.Placeholder!);

    /// <summary>
    /// Gets the template's pieces in order: a literal text, a placeholder, the start of a section or of an inverted one
    /// (with the placeholder whose value it asks for) or its end.
    /// </summary>
    public IEnumerable<(TemplatePart Part, string? Literal, Placeholder? Placeholder)> Pieces => segments.Select(s => (s.Part, s.Literal, s.Placeholder));

    /// <summary>Whether a section that asks for <paramref name="value"/> is written: the value is not missing, zero, false, empty text or an empty list.</summary>
    public static bool IsPresent(object? value) => value switch
    {
        null => false,
        decimal d => d != 0m,
        int i => i != 0,
        bool b => b,
        string text => text.Length > 0,
        System.Collections.ICollection list => list.Count > 0,
        _ => true,
    };

    /// <summary>Parses a template, or returns the reason it cannot be parsed.</summary>
    public static MessageTemplate Parse(string text, out string? error)
    {
        var result = new List<Segment>();
        var literal = new StringBuilder();
        // The positions of the sections still open, innermost last.
        var open = new Stack<int>();
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
                    return new MessageTemplate(text, []);
                }

                var body = text[(i + 1)..end];
                if (literal.Length > 0)
                {
                    result.Add(new Segment(TemplatePart.Text, literal.ToString(), null));
                    literal.Clear();
                }

                if (body == "/")
                {
                    if (open.Count == 0)
                    {
                        error = $"'{{/}}' at position {i + 1} closes no section; open one with '{{?name}}' or '{{!name}}'";
                        return new MessageTemplate(text, []);
                    }

                    result.Add(new Segment(TemplatePart.SectionEnd, null, null));
                    open.Pop();
                    i = end;
                    continue;
                }

                var opens = body.StartsWith('?') || body.StartsWith('!');
                var placeholder = Placeholder.Parse(opens ? body[1..] : body, out error);
                if (placeholder is null)
                {
                    return new MessageTemplate(text, []);
                }

                if (opens)
                {
                    open.Push(i + 1);
                }

                var part = !opens ? TemplatePart.Value : body[0] == '?' ? TemplatePart.SectionStart : TemplatePart.InvertedSectionStart;
                result.Add(new Segment(part, null, placeholder));
                i = end;
            }
            else if (c == '}')
            {
                error = $"'}}' at position {i + 1} has no opening brace; write '}}}}' for a brace";
                return new MessageTemplate(text, []);
            }
            else
            {
                literal.Append(c);
            }
        }

        if (open.Count > 0)
        {
            error = $"the section opened at position {open.Peek()} is not closed; end it with '{{/}}'";
            return new MessageTemplate(text, []);
        }

        if (literal.Length > 0)
        {
            result.Add(new Segment(TemplatePart.Text, literal.ToString(), null));
        }

        return new MessageTemplate(text, [.. result]);
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
            case [{ Part: TemplatePart.Text } only]:
                return only.Literal!;
            case [{ Part: TemplatePart.Value, Placeholder: { } single }]:
                return Format(single, resolve(single, state), language, currency, decimals);
        }

        var text = CachedBuilder ?? new StringBuilder(256);
        CachedBuilder = null;
        var sections = new SectionWalk();
        foreach (var segment in segments)
        {
            var skipping = sections.Skipping;
            switch (segment.Part)
            {
                case TemplatePart.SectionStart or TemplatePart.InvertedSectionStart:
                    sections.Open(skipping || IsPresent(resolve(segment.Placeholder!, state).Value) != (segment.Part == TemplatePart.InvertedSectionStart));
                    break;
                case TemplatePart.SectionEnd:
                    sections.Close();
                    break;
                case TemplatePart.Value when !skipping:
                    text.Append(Format(segment.Placeholder!, resolve(segment.Placeholder!, state), language, currency, decimals));
                    break;
                case TemplatePart.Text when !skipping:
                    text.Append(segment.Literal);
                    break;
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

    private sealed record Segment(TemplatePart Part, string? Literal, Placeholder? Placeholder);
}

/// <summary>What one piece of a <see cref="MessageTemplate"/> is.</summary>
internal enum TemplatePart
{
    /// <summary>Literal text.</summary>
    Text,

    /// <summary>A placeholder, written as its value.</summary>
    Value,

    /// <summary>The start of a section, written only when its placeholder's value is there.</summary>
    SectionStart,

    /// <summary>The start of an inverted section, written only when its placeholder's value is not there.</summary>
    InvertedSectionStart,

    /// <summary>The end of a section.</summary>
    SectionEnd,
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
