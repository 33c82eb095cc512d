using System.Buffers;
using Negotiation.Core.Assessments;
using Negotiation.Core.Calculators;
using Negotiation.Core.Cases;
using Negotiation.Core.RuleSets;
using NodaTime;

namespace Negotiation.Core.Advice;

/// <summary>
/// The advice for one case: whether to negotiate, what to ask for and why, what to prepare, how to talk,
/// what to watch out for and what to do if the lender says no — every item explained by the rule that
/// produced it (see <see cref="Trace"/>). Produced by <see cref="NegotiationAdvisor.Advise(BorrowerCase, string)"/>.
/// </summary>
/// <remarks>Immutable and thread-safe; equal plans compare equal. <see cref="ToJson"/> writes the plan contract.</remarks>
public sealed record NegotiationPlan
{
    /// <summary>Gets the rule set that produced the plan.</summary>
    public required RuleSetInfo RuleSet { get; init; }

    /// <summary>Gets the day the case describes.</summary>
    public required LocalDate AsOf { get; init; }

    /// <summary>Gets the language the messages are written in.</summary>
    public required string Language { get; init; }

    /// <summary>Gets the ISO 4217 currency of every amount.</summary>
    public required string Currency { get; init; }

    /// <summary>Gets the facts the rules decided on.</summary>
    public required Assessment Assessment { get; init; }

    /// <summary>Gets whether and how to proceed, with the reasons.</summary>
    public required Decision Decision { get; init; }

    /// <summary>Gets the requests to make, best first.</summary>
    public required ValueList<ProposedRequest> Requests { get; init; }

    /// <summary>Gets the documents to prepare.</summary>
    public required ValueList<Material> Materials { get; init; }

    /// <summary>Gets the opening statement and the points to keep to when talking to the lender.</summary>
    public required Communication Communication { get; init; }

    /// <summary>Gets what to watch during the negotiation, with dates where there are any.</summary>
    public required ValueList<Watchpoint> Watchpoints { get; init; }

    /// <summary>Gets dangers in the case, such as scam signals.</summary>
    public required ValueList<PlanWarning> Warnings { get; init; }

    /// <summary>Gets the steps to take, in order, if the negotiation fails.</summary>
    public required ValueList<Remedy> Remedies { get; init; }

    /// <summary>Gets the day to follow up with the lender, or null when there is nothing to follow up.</summary>
    public LocalDate? NextFollowUp { get; init; }

    /// <summary>Gets every clause or source the plan cites, with whether it binds this lender.</summary>
    public required ValueList<CitedSource> Citations { get; init; }

    /// <summary>
    /// Gets how the rule set groups the budget for the borrower and the lender (e.g. the UK's Standard Financial
    /// Statement: fixed and flexible costs), in the plan's language; null for the essential/flexible split.
    /// </summary>
    public ValueList<BudgetGroup>? BudgetGroups { get; init; }

    /// <summary>Gets the explanation: every top-level rule, whether it fired, and the values it read.</summary>
    public required ValueList<TraceEntry> Trace { get; init; }

    /// <summary>
    /// Writes the plan as indented JSON (camelCase, kebab-case codes, ISO dates, amounts exactly as held), the contract of
    /// <c>rules/schemas/negotiation-plan.schema.json</c>: the same plan always gives the same bytes, in any culture.
    /// </summary>
    /// <param name="trace">How much of <see cref="Trace"/> to write: by default only the rules that fired.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trace"/> is not a defined value.</exception>
    public string ToJson(PlanTrace trace = PlanTrace.Fired) => Json.PlanJson.ToJson(this, trace);

    /// <summary>Writes the same JSON on one line, without indentation, for JSON Lines (as <c>negotiation batch</c> does).</summary>
    /// <param name="trace">How much of <see cref="Trace"/> to write: by default only the rules that fired.</param>
    /// <returns>The JSON, with no line break in it.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trace"/> is not a defined value.</exception>
    public string ToJsonLine(PlanTrace trace = PlanTrace.Fired) => Json.PlanJson.ToJsonLine(this, trace);

    /// <summary>Writes the same JSON on one line to <paramref name="output"/>.</summary>
    /// <param name="output">Where to write; no line break is written.</param>
    /// <param name="trace">How much of <see cref="Trace"/> to write: by default only the rules that fired.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trace"/> is not a defined value.</exception>
    public void WriteJsonLine(TextWriter output, PlanTrace trace = PlanTrace.Fired) => Json.PlanJson.WriteJsonLine(this, output, trace);

    /// <summary>
    /// Writes the same JSON on one line to <paramref name="output"/> as UTF-8 (no byte order mark), without building a
    /// string: what <c>negotiation batch</c> writes.
    /// </summary>
    /// <param name="output">Where to write; no line break is written.</param>
    /// <param name="trace">How much of <see cref="Trace"/> to write: by default only the rules that fired.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="trace"/> is not a defined value.</exception>
    public void WriteJsonLine(IBufferWriter<byte> output, PlanTrace trace = PlanTrace.Fired) => Json.PlanJson.WriteJsonLine(this, output, trace);
}

/// <summary>Which rule set produced a plan.</summary>
public sealed record RuleSetInfo
{
    /// <summary>Gets the rule set's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the rule set's version.</summary>
    public required string Version { get; init; }

    /// <summary>Gets the first day the rule set applies to.</summary>
    public required LocalDate EffectiveFrom { get; init; }
}

/// <summary>The decision and the reasons for it.</summary>
public sealed record Decision
{
    /// <summary>Gets the outcome; JSON writes it kebab-case (<c>pay-now</c>, <c>seek-debt-advice</c> …).</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>Gets the reasons for the outcome, in rule order.</summary>
    public required ValueList<Reason> Reasons { get; init; }
}

/// <summary>One reason behind the decision.</summary>
public sealed record Reason
{
    /// <summary>Gets a stable code apps can switch on.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the reason, in the plan's language.</summary>
    public required string Message { get; init; }

    /// <summary>Gets the ids of the clauses it rests on.</summary>
    public required ValueList<string> Citations { get; init; }
}

/// <summary>A request to make of the lender, with terms and savings computed by the calculators.</summary>
public sealed record ProposedRequest
{
    /// <summary>Gets the request's rank: 1 for the request to lead with.</summary>
    public required int Rank { get; init; }

    /// <summary>Gets the request's type; JSON writes it kebab-case (<c>extension</c>, <c>fee-waiver</c> …).</summary>
    public required RequestType Type { get; init; }

    /// <summary>Gets the rule's code.</summary>
    public required string Code { get; init; }

    /// <summary>Gets why this request fits the case.</summary>
    public required string Rationale { get; init; }

    /// <summary>Gets what exactly to ask for.</summary>
    public required RequestTerms Terms { get; init; }

    /// <summary>Gets what it saves against doing nothing over the same time; negative when it costs more; null when not computed.</summary>
    public required decimal? Savings { get; init; }

    /// <summary>Gets the proposed repayment schedule (instalment plans).</summary>
    public required ValueList<Instalment>? Schedule { get; init; }

    /// <summary>Gets what to keep in mind: a cited clause that does not bind this lender, a fact that is only reported.</summary>
    public required ValueList<string> Caveats { get; init; }

    /// <summary>Gets the ids of the clauses it rests on.</summary>
    public required ValueList<string> Citations { get; init; }
}

/// <summary>A document to prepare.</summary>
public sealed record Material
{
    /// <summary>Gets a stable code.</summary>
    public required string Code { get; init; }

    /// <summary>Gets whether this case needs the document.</summary>
    public required bool Required { get; init; }

    /// <summary>Gets whether the case says the borrower already holds the document.</summary>
    public required bool Held { get; init; }

    /// <summary>Gets why the document is needed.</summary>
    public required string Why { get; init; }

    /// <summary>Gets how to prepare the document.</summary>
    public required ValueList<string> Tips { get; init; }

    /// <summary>Gets the ids of the clauses it rests on.</summary>
    public required ValueList<string> Citations { get; init; }
}

/// <summary>How to talk to the lender.</summary>
public sealed record Communication
{
    /// <summary>Gets the opening statement, filled with the case's figures, or null when no rule wrote one.</summary>
    public required string? Opening { get; init; }

    /// <summary>Gets what to keep to during the conversation.</summary>
    public required ValueList<TalkingPoint> Points { get; init; }
}

/// <summary>A point to keep to when talking to the lender.</summary>
public sealed record TalkingPoint
{
    /// <summary>Gets a stable code.</summary>
    public required string Code { get; init; }

    /// <summary>Gets the point, in the plan's language.</summary>
    public required string Message { get; init; }
}

/// <summary>Something to watch during the negotiation.</summary>
public sealed record Watchpoint
{
    /// <summary>Gets a stable code.</summary>
    public required string Code { get; init; }

    /// <summary>Gets how serious it is; JSON writes <c>info</c>, <c>caution</c> or <c>high</c>.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Gets the date it concerns, if any.</summary>
    public required LocalDate? DueDate { get; init; }

    /// <summary>Gets what to watch and why.</summary>
    public required string Message { get; init; }
}

/// <summary>A danger in the case, such as an offer that asks for a verification code.</summary>
public sealed record PlanWarning
{
    /// <summary>Gets a stable code.</summary>
    public required string Code { get; init; }

    /// <summary>Gets how serious it is; JSON writes <c>info</c>, <c>caution</c> or <c>high</c>.</summary>
    public required Severity Severity { get; init; }

    /// <summary>Gets what is wrong and why it matters.</summary>
    public required string Message { get; init; }
}

/// <summary>A step to take after a failed negotiation.</summary>
public sealed record Remedy
{
    /// <summary>Gets the step's place in the ladder.</summary>
    public required int Step { get; init; }

    /// <summary>Gets a stable code.</summary>
    public required string Code { get; init; }

    /// <summary>Gets what to do.</summary>
    public required string Message { get; init; }

    /// <summary>Gets where to turn, as a code apps switch on, e.g. <c>12378</c>.</summary>
    public required string? Channel { get; init; }

    /// <summary>Gets the days to wait before this step, or null when there is no wait.</summary>
    public required int? WaitDays { get; init; }

    /// <summary>Gets what the rule set calls that channel in the plan's language, or null when it names none.</summary>
    public string? ChannelName { get; init; }
}

/// <summary>A clause or source cited in the plan.</summary>
public sealed record CitedSource
{
    /// <summary>Gets the citation's id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the citation's title in the plan's language.</summary>
    public required string Title { get; init; }

    /// <summary>Gets where the citation comes from.</summary>
    public required string Source { get; init; }

    /// <summary>Gets how sure the source is; JSON writes <c>primary</c>, <c>secondary</c> or <c>unverified</c>.</summary>
    public required Certainty Certainty { get; init; }

    /// <summary>Gets whether it binds the case's kind of lender; when false it is a reference point only.</summary>
    public required bool BindsThisLender { get; init; }
}

/// <summary>One rule in the explanation.</summary>
/// <remarks>
/// In a plan from <see cref="NegotiationAdvisor"/>, <see cref="Inputs"/> is read from the (immutable) case and facts the
/// rule saw when it is first asked for, then kept; until then the entry holds a reference to the case. Equality, hash
/// and text are those of an entry built with the same inputs.
/// </remarks>
public sealed record TraceEntry
{
    // An evaluation makes its entries before anyone asks for their inputs, and most plans are never asked: the values
    // are read from the (immutable) case and facts the rule saw when Inputs is first read, then kept.
    private readonly TraceInputs? values;
    private readonly int ruleIndex;
    private ValueList<TraceInput>? inputs;

    /// <summary>Makes an entry; set every required member.</summary>
    public TraceEntry()
    {
    }

    /// <summary>The entry of <paramref name="firing"/>, whose inputs are read from <paramref name="values"/> when first asked for.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    internal TraceEntry(RuleSets.Evaluation.RuleFiring firing, TraceInputs values)
    {
        Workflow = firing.Workflow;
        Rule = firing.Rule;
        Success = firing.Success;
        Error = firing.Error;
        this.values = values;
        ruleIndex = firing.Index;
    }

    /// <summary>Gets the workflow (stage) the rule belongs to.</summary>
    public required string Workflow { get; init; }

    /// <summary>Gets the rule's name.</summary>
    public required string Rule { get; init; }

    /// <summary>Gets whether the rule fired.</summary>
    public required bool Success { get; init; }

    /// <summary>Gets the values this entry's inputs are read from, or null when it was built with its inputs.</summary>
    internal TraceInputs? Values => values;

    /// <summary>Gets the rule's place among every workflow's rules, which says what it read in <see cref="Values"/>.</summary>
    internal int RuleIndex => ruleIndex;

    /// <summary>Gets the values of the facts, case fields and parameters the rule read (empty when none were given).</summary>
    public ValueList<TraceInput> Inputs
    {
        get => inputs ?? (values is null ? ValueList<TraceInput>.Empty : inputs = values.Of(ruleIndex));
        init
        {
            inputs = value;
            values = null;
        }
    }

    /// <summary>Gets the run-time error, if the rule could not be evaluated (it then counts as not fired).</summary>
    public string? Error { get; init; }

    /// <summary>Gets whether both entries name the same rule, result, inputs and error.</summary>
    /// <param name="other">The other entry.</param>
    /// <returns>True when every member is equal.</returns>
    public bool Equals(TraceEntry? other) =>
        other is not null && (ReferenceEquals(this, other) ||
            (Workflow == other.Workflow && Rule == other.Rule && Success == other.Success && Error == other.Error &&
             EqualityComparer<ValueList<TraceInput>>.Default.Equals(Inputs, other.Inputs)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Workflow, Rule, Success, Inputs, Error);
}

/// <summary>A value a rule read, by path (<c>facts.daysPastDue</c>).</summary>
/// <param name="Path">The path the expression used, in camelCase.</param>
/// <param name="Value">The value: a number, text, yes/no, a date, or the size of a list.</param>
public sealed record TraceInput(string Path, object? Value);

/// <summary>A group of the budget as the rule set names it, and the expense categories it holds.</summary>
public sealed record BudgetGroup
{
    /// <summary>Gets the group's name in the plan's language, e.g. <c>Fixed costs</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the expense categories in the group, in the rule set's order.</summary>
    public required ValueList<ExpenseCategory> Categories { get; init; }

    /// <summary>Gets what the case's expenses in these categories come to each month (0 when the budget is not known).</summary>
    public required decimal Monthly { get; init; }
}

/// <summary>What the plan advises overall.</summary>
public enum Outcome
{
    /// <summary>Pay what is due now: no concession is needed ("pay-now").</summary>
    PayNow,
    /// <summary>Ask customer service for what is on offer; nothing is wrong with the account ("ask-customer-service").</summary>
    AskCustomerService,
    /// <summary>Negotiate with the lender.</summary>
    Negotiate,
    /// <summary>Put basic obligations right first, such as being reachable ("fulfil-obligations-first").</summary>
    FulfilObligationsFirst,
    /// <summary>See a free debt adviser before negotiating alone ("seek-debt-advice").</summary>
    SeekDebtAdvice,
}

/// <summary>How serious a watchpoint or warning is.</summary>
public enum Severity
{
    /// <summary>Worth knowing.</summary>
    Info,
    /// <summary>Take care.</summary>
    Caution,
    /// <summary>A danger: act on it.</summary>
    High,
}
