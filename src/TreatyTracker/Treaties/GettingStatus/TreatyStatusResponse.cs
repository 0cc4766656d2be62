using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties.GettingStatus;

/// <summary>A treaty and its parties as they stood on <c>AsOf</c>.</summary>
public sealed record TreatyStatusResponse(
    string Id,
    string Name,
    string ShortName,
    TreatyKind Kind,
    IsoPeriod WithdrawalNoticePeriod,
    IsoPeriod? Term,
    Citation? Source,
    DateOnly AsOf,
    TreatyStatus Status,
    DateOnly? Since,
    IReadOnlyList<PartySnapshot> Parties,
    DateOnly? ExpiresOn,
    IReadOnlyList<PendingDeadline> PendingDeadlines,
    int AllegationCount,
    LastEvent? LastEvent,
    long Version)
{
    public static TreatyStatusResponse From(TreatyStatusView view, DateOnly asOf)
    {
        var snapshot = view.Timeline.On(asOf);
        return new TreatyStatusResponse(view.Id, view.Name, view.ShortName, view.Kind, view.WithdrawalNoticePeriod, view.Term,
            view.Source, asOf, snapshot.Status, snapshot.Since, snapshot.Parties, snapshot.ExpiresOn, snapshot.PendingDeadlines,
            view.AllegationCount, view.LastEvent, view.Version);
    }
}
