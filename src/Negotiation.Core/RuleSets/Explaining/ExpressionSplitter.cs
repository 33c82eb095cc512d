using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.Tokenizer;

namespace Negotiation.Core.RuleSets.Explaining;

/// <summary>A piece of an expression: a leaf, or parts joined by <c>&amp;&amp;</c> or <c>||</c>, or a negated group (<c>!</c>).</summary>
/// <param name="Text">The piece's text, as written.</param>
/// <param name="Operator"><c>&amp;&amp;</c>, <c>||</c>, <c>!</c>, or null for a leaf.</param>
/// <param name="Parts">The parts, in order; empty for a leaf.</param>
internal sealed record ExpressionPiece(string Text, string? Operator, IReadOnlyList<ExpressionPiece> Parts);

/// <summary>
/// Splits an expression on its top-level <c>||</c>, then <c>&amp;&amp;</c> (and their word forms), and into brackets and
/// negated brackets, recursively, on the parser's own tokens: nothing inside a text literal is ever taken for an operator.
/// </summary>
internal static class ExpressionSplitter
{
    private static readonly ParsingConfig Config = new() { IsCaseSensitive = false };

    /// <summary>Splits <paramref name="text"/>.</summary>
    /// <exception cref="System.Linq.Dynamic.Core.Exceptions.ParseException">The text cannot be split into tokens.</exception>
    public static ExpressionPiece Split(string text)
    {
        text = text.Trim();
        var tokens = new List<Token>();
        for (var parser = new TextParser(Config, text); parser.CurrentToken.Id != TokenId.End; parser.NextToken())
        {
            tokens.Add(parser.CurrentToken);
        }

        foreach (var (id, name) in new[] { (TokenId.DoubleBar, "||"), (TokenId.DoubleAmpersand, "&&") })
        {
            var at = TopLevel(tokens, id);
            if (at.Count > 0)
            {
                var parts = new List<ExpressionPiece>();
                var start = 0;
                foreach (var index in at)
                {
                    parts.Add(Split(text[start..tokens[index].Pos]));
                    start = tokens[index].Pos + tokens[index].Text.Length;
                }

                parts.Add(Split(text[start..]));
                return new ExpressionPiece(text, name, parts);
            }
        }

        if (tokens.Count >= 2 && tokens[0].Id == TokenId.OpenParen && Closing(tokens, 0) == tokens.Count - 1)
        {
            var inner = Split(text[(tokens[0].Pos + 1)..tokens[^1].Pos]);
            return inner with { Text = text };
        }

        if (tokens.Count >= 3 && tokens[0].Id == TokenId.Exclamation && tokens[1].Id == TokenId.OpenParen && Closing(tokens, 1) == tokens.Count - 1)
        {
            return new ExpressionPiece(text, "!", [Split(text[(tokens[1].Pos + 1)..tokens[^1].Pos])]);
        }

        return new ExpressionPiece(text, null, []);
    }

    private static List<int> TopLevel(List<Token> tokens, TokenId id)
    {
        var found = new List<int>();
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            switch (tokens[i].Id)
            {
                case TokenId.OpenParen or TokenId.OpenBracket or TokenId.OpenCurlyParen:
                    depth++;
                    break;
                case TokenId.CloseParen or TokenId.CloseBracket or TokenId.CloseCurlyParen:
                    depth--;
                    break;
                default:
                    if (depth == 0 && tokens[i].Id == id)
                    {
                        found.Add(i);
                    }

                    break;
            }
        }

        return found;
    }

    /// <summary>The index of the bracket that closes the one at <paramref name="open"/>, or -1.</summary>
    private static int Closing(List<Token> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            depth += tokens[i].Id switch
            {
                TokenId.OpenParen or TokenId.OpenBracket or TokenId.OpenCurlyParen => 1,
                TokenId.CloseParen or TokenId.CloseBracket or TokenId.CloseCurlyParen => -1,
                _ => 0,
            };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }
}
