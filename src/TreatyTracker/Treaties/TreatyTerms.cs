namespace TreatyTracker.Treaties;

/// <summary>
/// What a treaty is, as registered: its names, its kind, its withdrawal clause and its term. Defined once: the
/// registration event, the current-status view and its answer all carry these fields as they are.
/// </summary>
public record TreatyTerms
{
    public required string Name { get; init; }
    public required string ShortName { get; init; }
    public required TreatyKind Kind { get; init; }
    /// <summary>The notice a party must give to withdraw; null when the treaty has no withdrawal clause on record.</summary>
    public IsoPeriod? WithdrawalNoticePeriod { get; init; }
    public IsoPeriod? Term { get; init; }
    public Citation? Source { get; init; }
}

/// <summary>Opens a treaty's stream: what the treaty is, not something that happened in the world.</summary>
public sealed record TreatyRegistered : TreatyTerms
{
    public required string TreatyId { get; init; }
}
