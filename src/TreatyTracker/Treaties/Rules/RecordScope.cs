namespace TreatyTracker.Treaties.Rules;

/// <summary>
/// Which states a treaty's record follows, in plain words: every state that acted on the treaty (Complete), or only those
/// in <c>Follows</c>, when the record keeps the acts of a few states of a treaty with many (the CTBT's United States and
/// Russia, say) and an answer must not read as the whole table.
/// </summary>
public sealed record RecordScope(bool Complete, IReadOnlyList<string>? Follows, string Description)
{
    public static RecordScope Of(ScopeStated? stated) => stated?.Follows is { Count: > 0 } follows
        ? new RecordScope(false, follows, $"This record follows only {Words.List(follows)}: the acts of other states are not recorded.")
        : new RecordScope(true, null, "This record follows every state that acted on the treaty.");

}
