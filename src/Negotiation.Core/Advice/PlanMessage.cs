using System.Text;
using Negotiation.Core.Assessments;
using Negotiation.Core.Messages;

namespace Negotiation.Core.Advice;

/// <summary>
/// A rule's message in one language, bound once per rule set to what each placeholder names: a fact's compiled
/// writer, a request term's, or a parameter's value. Rendering then looks nothing up, boxes nothing and builds no
/// string but the message; it writes exactly what <see cref="MessageTemplate.Render{TState}"/> writes when each
/// placeholder resolves as the plan's renderer resolved it (facts, <c>params.</c>, <c>terms.</c>).
/// </summary>
/// <remarks>Immutable and thread-safe; the builder it writes into is one per thread.</remarks>
internal sealed class PlanMessage
{
    private readonly Piece[] pieces;
    private readonly string? constant;

    private PlanMessage(Piece[] pieces)
    {
        this.pieces = pieces;
        constant = pieces switch
        {
            [] => "",
            [{ Kind: PieceKind.Literal } only] => only.Literal,
            _ => null,
        };
    }

    private enum PieceKind
    {
        Literal,
        Fact,
        Term,
        Parameter,
        MissingParameter,
        Nothing,
        SectionStart,
        SectionEnd,
    }

    /// <summary>Binds a template to the facts and request terms it names and to the rule set's parameters.</summary>
    public static PlanMessage Bind(MessageTemplate template, IReadOnlyDictionary<string, decimal> parameters)
    {
        var pieces = new List<Piece>();
        foreach (var (part, literal, p) in template.Pieces)
        {
            if (part is TemplatePart.SectionStart or TemplatePart.InvertedSectionStart or TemplatePart.SectionEnd)
            {
                pieces.Add(part == TemplatePart.SectionEnd
                    ? new Piece(PieceKind.SectionEnd, null, null, null, 0m, FactFormat.Plain, null)
                    : Section(p!, parameters) with { Inverted = part == TemplatePart.InvertedSectionStart });
                continue;
            }

            pieces.Add(p switch
            {
                null => new Piece(PieceKind.Literal, literal, null, null, 0m, FactFormat.Plain, null),
                { Scope: "params" } when parameters.TryGetValue(p.Name, out var value) => new Piece(PieceKind.Parameter, null, null, null, value, p.Format ?? FactFormat.Plain, null),
                { Scope: "params" } => new Piece(PieceKind.MissingParameter, p.Name, null, null, 0m, p.Format ?? FactFormat.Plain, parameters),
                { Scope: "terms" } when FactCatalog<RequestTerms>.Find(p.Name) is { } term =>
                    new Piece(PieceKind.Term, null, null, FactCatalog<RequestTerms>.Writers[p.Name], 0m, p.Format ?? term.Format, null),
                { Scope: "terms" } => new Piece(PieceKind.Nothing, null, null, null, 0m, FactFormat.Plain, null),
                _ when FactCatalog<Assessment>.Find(p.Name) is { } fact =>
                    new Piece(PieceKind.Fact, null, FactCatalog<Assessment>.Writers[p.Name], null, 0m, p.Format ?? fact.Format, null),
                _ => new Piece(PieceKind.Nothing, null, null, null, 0m, FactFormat.Plain, null),
            });
        }

        return new PlanMessage([.. pieces]);
    }

    /// <summary>
    /// The start of a section: whether it is written is read from the fact or term it names when the message renders; a
    /// parameter's is known now (one the rule set lacks fails when rendered, as the lookup by name does).
    /// </summary>
    private static Piece Section(Placeholder p, IReadOnlyDictionary<string, decimal> parameters) => new(
        PieceKind.SectionStart, null, null, null, 0m, FactFormat.Plain, null)
    {
        Present = p switch
        {
            { Scope: "params" } when parameters.TryGetValue(p.Name, out var value) => MessageTemplate.IsPresent(value) ? Always : Never,
            { Scope: "params" } => (_, _) => MessageTemplate.IsPresent(parameters[p.Name]),
            { Scope: "terms" } when FactCatalog<RequestTerms>.Find(p.Name) is { } term => (_, terms) => terms is not null && MessageTemplate.IsPresent(term.Get(terms)),
            { Scope: "" } when FactCatalog<Assessment>.Find(p.Name) is { } fact => (facts, _) => MessageTemplate.IsPresent(fact.Get(facts)),
            _ => Never,
        },
    };

    private static readonly Func<Assessment, RequestTerms?, bool> Always = static (_, _) => true;
    private static readonly Func<Assessment, RequestTerms?, bool> Never = static (_, _) => false;

    /// <summary>Writes the message for a plan: its facts, and the request's terms where the message names them (none: empty).</summary>
    public string Render(Assessment facts, RequestTerms? terms, string language, int decimals)
    {
        if (constant is not null)
        {
            return constant;
        }

        var text = CachedBuilder ?? new StringBuilder(256);
        CachedBuilder = null;
        text.Clear();
        var currency = facts.Currency;
        var sections = new SectionWalk();
        foreach (var piece in pieces)
        {
            switch (piece.Kind)
            {
                case PieceKind.SectionStart:
                    sections.Open(sections.Skipping || piece.Present!(facts, terms) != piece.Inverted);
                    continue;
                case PieceKind.SectionEnd:
                    sections.Close();
                    continue;
            }

            if (sections.Skipping)
            {
                continue;
            }

            switch (piece.Kind)
            {
                case PieceKind.Literal:
                    text.Append(piece.Literal);
                    break;
                case PieceKind.Fact:
                    piece.Fact!(facts, text, piece.Format, currency, language, decimals);
                    break;
                case PieceKind.Term when terms is not null:
                    piece.Term!(terms, text, piece.Format, currency, language, decimals);
                    break;
                case PieceKind.Parameter:
                    MessageFormat.Append(text, piece.Parameter, piece.Format, currency, language, decimals);
                    break;
                case PieceKind.MissingParameter:
                    // Throws as the renderer's lookup did; the loader refuses such a message, so only a hand-built set gets here.
                    MessageFormat.Append(text, piece.Parameters![piece.Literal!], piece.Format, currency, language, decimals);
                    break;
            }
        }

        var message = text.ToString();
        text.Clear();
        CachedBuilder = text;
        return message;
    }

    /// <summary>One builder per thread, reused from message to message (a plan renders dozens).</summary>
    [ThreadStatic]
    private static StringBuilder? CachedBuilder;

    private sealed record Piece(
        PieceKind Kind,
        string? Literal,
        FactWriter<Assessment>? Fact,
        FactWriter<RequestTerms>? Term,
        decimal Parameter,
        FactFormat Format,
        IReadOnlyDictionary<string, decimal>? Parameters)
    {
        /// <summary>Section start: whether the value the section names is there for these facts and terms.</summary>
        public Func<Assessment, RequestTerms?, bool>? Present { get; init; }

        /// <summary>Section start: the section is written when the value is not there (<c>{!name}</c>).</summary>
        public bool Inverted { get; init; }
    }
}
