using System.Collections;
using System.Linq.Dynamic.Core;
using System.Linq.Dynamic.Core.CustomTypeProviders;
using System.Linq.Dynamic.Core.Parser;
using System.Linq.Dynamic.Core.Tokenizer;
using System.Linq.Expressions;
using RulesEngine.HelperFunctions;
using RulesEngine.Models;

namespace Negotiation.Core.RuleSets.Expressions;

/// <summary>
/// Parses a rule's expression exactly as RulesEngine's <c>RuleExpressionParser.Parse</c> does with the same settings —
/// System.Linq.Dynamic.Core's <see cref="ExpressionParser"/>, the same parsing configuration and the same types beyond
/// the predefined ones (RulesEngine's helper functions, <see cref="Enumerable"/>, the settings' custom types, their base
/// types and interfaces, <see cref="IEnumerable"/>) — except that it does not scan every loaded assembly for types
/// marked <c>[DynamicLinqType]</c>.
/// </summary>
/// <remarks>
/// That scan took a fresh process about 38 ms, a tenth of its start, and found nothing: the package marks no type, and
/// a host's own marked types have no business in an untrusted rule file (the guard would refuse their use anyway; now
/// the parser does not know them). Thread-safe: one configuration, only read, as RulesEngine shares its own.
/// </remarks>
internal sealed class RuleExpressionParsing
{
    private readonly ParsingConfig config;

    /// <summary>Makes the parsing configuration RulesEngine would make for <paramref name="settings"/>.</summary>
    public RuleExpressionParsing(ReSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        config = new ParsingConfig
        {
            CustomTypeProvider = new TypeProvider(settings.CustomTypes),
            IsCaseSensitive = settings.IsExpressionCaseSensitive,
        };
    }

    /// <summary>Gets the types expressions may name beyond Dynamic LINQ's predefined ones.</summary>
    public IReadOnlySet<Type> CustomTypes => config.CustomTypeProvider!.GetCustomTypes();

    /// <summary>Parses <paramref name="expression"/> over <paramref name="parameters"/> as a <paramref name="returnType"/>, or as whatever it is when that is null.</summary>
    /// <exception cref="System.Linq.Dynamic.Core.Exceptions.ParseException">The expression is not valid.</exception>
    public Expression Parse(string expression, ParameterExpression[] parameters, Type? returnType) =>
        new ExpressionParser(parameters, expression, [], config).Parse(returnType);

    /// <summary>
    /// How deep brackets — <c>(</c>, <c>[</c> and <c>{</c> — nest in <paramref name="expression"/>, counted on the parser's own
    /// tokens. Which characters are inside a literal is the tokenizer's to say, not a second reading's: to it <c>\"</c> escapes a
    /// quote inside <c>"..."</c>, but <c>\'</c> ends <c>'...'</c>, and a count that took <c>\'</c> for an escape saw code as text.
    /// </summary>
    /// <exception cref="System.Linq.Dynamic.Core.Exceptions.ParseException">The text cannot be split into tokens (an unclosed literal, an unknown character).</exception>
    public int BracketDepth(string expression)
    {
        var nesting = 0;
        var deepest = 0;
        for (var tokens = new TextParser(config, expression); tokens.CurrentToken.Id != TokenId.End; tokens.NextToken())
        {
            switch (tokens.CurrentToken.Id)
            {
                case TokenId.OpenParen or TokenId.OpenBracket or TokenId.OpenCurlyParen:
                    deepest = Math.Max(deepest, ++nesting);
                    break;
                case TokenId.CloseParen or TokenId.CloseBracket or TokenId.CloseCurlyParen:
                    nesting--;
                    break;
            }
        }

        return deepest;
    }

    /// <summary>RulesEngine's <c>CustomTypeProvider</c> less its base class's scan of the loaded assemblies.</summary>
    private sealed class TypeProvider : DefaultDynamicLinqCustomTypeProvider
    {
        private readonly HashSet<Type> types;

        public TypeProvider(Type[]? customTypes)
            : base(ParsingConfig.Default)
        {
            types = [.. customTypes ?? [], typeof(ExpressionUtils), typeof(Enumerable)];

            // Each type's base types and interfaces, as RulesEngine adds them.
            var queue = new Queue<Type>(types);
            while (queue.Count > 0)
            {
                var type = queue.Dequeue();
                if (type.BaseType is { } baseType && types.Add(baseType))
                {
                    queue.Enqueue(baseType);
                }

                foreach (var implemented in type.GetInterfaces())
                {
                    if (types.Add(implemented))
                    {
                        queue.Enqueue(implemented);
                    }
                }
            }

            types.Add(typeof(IEnumerable));
        }

        public override HashSet<Type> GetCustomTypes() => types;
    }
}
