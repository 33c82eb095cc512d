using System.Runtime.CompilerServices;

namespace Negotiation.Core.Advice.Json;

/// <summary>
/// The start of one rule's trace entry on one line — <c>{"workflow":"…","rule":"…","success":</c> — which is the same
/// in every plan of a rule set: made once per rule and kind of output, when first written, and then copied. The rule
/// set's evaluator keeps one per rule, and each entry it makes reaches it by its rule's index (see <see cref="TraceEntry"/>).
/// </summary>
/// <param name="workflow">The workflow's name, the very string the entries carry.</param>
/// <param name="rule">The rule's name, the very string the entries carry.</param>
/// <remarks>
/// Thread-safe: two threads that make the same head at once make equal arrays, and either may be kept. An entry whose
/// workflow or rule is not these very strings (one changed with <c>with</c>) is written property by property.
/// </remarks>
internal sealed class TraceEntryHead(string workflow, string rule)
{
    /// <summary>The head as <c>char[]</c>, once made.</summary>
    private object? chars;

    /// <summary>The head as UTF-8 <c>byte[]</c>, once made.</summary>
    private object? bytes;

    /// <summary>Gets the workflow's name.</summary>
    public string Workflow { get; } = workflow;

    /// <summary>Gets the rule's name.</summary>
    public string Rule { get; } = rule;

    /// <summary>Whether this head was made for exactly <paramref name="entry"/>'s workflow and rule strings.</summary>
    public bool Fits(TraceEntry entry) => ReferenceEquals(entry.Workflow, Workflow) && ReferenceEquals(entry.Rule, Rule);

    /// <summary>The head in the writer's units, or null until <see cref="Keep{TUnit}"/> has been given it.</summary>
    public TUnit[]? Made<TUnit>()
        where TUnit : unmanaged =>
        Unsafe.As<TUnit[]?>(typeof(TUnit) == typeof(byte) ? bytes : chars); // each field only ever holds its own unit's array

    /// <summary>Keeps the head made in the writer's units, and returns it.</summary>
    public TUnit[] Keep<TUnit>(TUnit[] head)
        where TUnit : unmanaged
    {
        if (typeof(TUnit) == typeof(byte))
        {
            bytes = head;
        }
        else
        {
            chars = head;
        }

        return head;
    }
}
