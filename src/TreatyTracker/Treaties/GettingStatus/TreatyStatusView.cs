using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties.GettingStatus;

public sealed record LastEvent(Guid Id, string Type, DateOnly On, DateTimeOffset RecordedAt, string? Summary);

/// <summary>
/// The current-status projection. A status changes on its own when a notice runs out or a term ends, so the
/// view keeps the folded status timeline (past and known future) and a read picks the day it is asked about.
/// </summary>
public sealed record TreatyStatusView(
    string Id,
    string Name,
    string ShortName,
    TreatyKind Kind,
    IsoPeriod WithdrawalNoticePeriod,
    IsoPeriod? Term,
    Citation? Source,
    DateTimeOffset RegisteredAt,
    long Version,
    TreatyTimeline Timeline,
    int AllegationCount,
    LastEvent? LastEvent)
{
    /// <param name="lastSummary">The aggregate keeps no summaries: the caller has the last event itself.</param>
    public static TreatyStatusView From(Treaty treaty, TreatyTimeline timeline, string? lastSummary)
    {
        var last = treaty.Facts.LastOrDefault();
        return new TreatyStatusView(
            treaty.Id, treaty.Name, treaty.ShortName, treaty.Kind, treaty.WithdrawalNoticePeriod, treaty.Term,
            // The view is rewritten on every append: allegations are counted here and listed from their own rows.
            treaty.Source, treaty.RegisteredAt, treaty.StreamVersion, timeline with { Issues = [], Allegations = [] }, timeline.Allegations.Count,
            last is null ? null : new LastEvent(last.Id, TreatyEventTypes.NameOf(last.Event), last.Event.On, last.RecordedAt, lastSummary));
    }
}
