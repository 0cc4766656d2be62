using JasperFx.Events;
using TreatyTracker.Features.Status;
using TreatyTracker.Http;
using TreatyTracker.Treaties.Rules;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.History;

public sealed record HistoryEntry(
    Guid Id,
    long Version,
    string Type,
    DateOnly On,
    string? Summary,
    Citation? Source,
    DateTimeOffset RecordedAt,
    string? RecordedBy,
    string? CorrelationId,
    Guid? RetractedBy,
    TreatyEvent Event)
{
    public bool Retracted => RetractedBy is not null;

    /// <summary>How sure <c>On</c> is; absent when the day is confirmed.</summary>
    public DateCertainty? Certainty => Event.Certainty;

    /// <summary>Of a consequence the server recorded when a deadline fell due: the event it follows from.</summary>
    public Guid? FollowsFrom => (Event as IConsequence)?.FollowsFrom;
}

/// <summary>
/// A treaty's history: the status intervals of the treaty and each party (from the persisted status view) and
/// its events with their sources, read from the event store itself — the record, not a copy of it.
/// </summary>
public sealed record TreatyHistory(
    string Id,
    string Name,
    long Version,
    IReadOnlyList<TreatyInterval> Intervals,
    IReadOnlyList<PartyTimeline> Parties,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<HistoryEntry> Events) : CitedAnswer
{
    /// <summary>Cited with the record's time fixed.</summary>
    public TreatyHistory Cited(string origin, string shortName, DateTimeOffset recordedThrough) =>
        this.Cite(origin, $"/api/treaties/{Uri.EscapeDataString(Id)}/history", $"history of the {shortName}", recordedThrough,
            ("recordedAt", Citing.Instant(recordedThrough)));

    /// <summary>The stream's events as recorded, in recording order, each with who retracted it if anyone did.</summary>
    public static IReadOnlyList<HistoryEntry> Entries(IEnumerable<IEvent> stream)
    {
        var recorded = stream.Where(e => e.Data is TreatyEvent).ToList();
        var retractedBy = recorded
            .Where(e => e.Data is EventRetracted)
            .GroupBy(e => ((EventRetracted)e.Data).EventId)
            .ToDictionary(g => g.Key, g => g.First().Id);
        return recorded.Select(e =>
        {
            var fact = (TreatyEvent)e.Data;
            return new HistoryEntry(e.Id, e.Version, TreatyEventTypes.NameOf(fact), fact.On, fact.Summary, fact.Source,
                Treaty.AsStored(e.Timestamp), e.UserName, e.CorrelationId, retractedBy.TryGetValue(e.Id, out var by) ? by : null, fact);
        }).ToList();
    }

    public static TreatyHistory Compose(TreatyStatusView view, IEnumerable<IEvent> stream) => new(
        view.Id, view.Name, view.Version, view.Timeline.Treaty,
        view.Timeline.Parties, view.Timeline.Deadlines,
        Entries(stream).OrderBy(e => e.On).ThenBy(e => e.Version).ToList());
}
