namespace Negotiation.Core.Messages;

/// <summary>
/// Where a message's writer stands among nested sections (<c>{?a}{!b}…{/}{/}</c>): a section not written hides everything
/// inside it, whatever the sections within say. Both message writers follow it, so that they agree.
/// </summary>
internal struct SectionWalk
{
    private int depth;
    private int skippedAt;

    /// <summary>Gets whether the text at this point is hidden by a section not written.</summary>
    public readonly bool Skipping => skippedAt > 0;

    /// <summary>
    /// Enters a section that is written or not; callers pass true while <see cref="Skipping"/> (a section inside a hidden one
    /// need not be evaluated: it stays hidden).
    /// </summary>
    public void Open(bool written)
    {
        depth++;
        skippedAt = skippedAt > 0 || written ? skippedAt : depth;
    }

    /// <summary>Leaves the innermost section.</summary>
    public void Close()
    {
        skippedAt = skippedAt == depth ? 0 : skippedAt;
        depth--;
    }
}
