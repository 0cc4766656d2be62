using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties.GettingHistory;

public sealed record HistoryEntry(
    Guid Id,
    long Version,
    string Type,
    DateOnly On,
    string? Summary,
    Citation? Source,
    DateTimeOffset RecordedAt,
    Guid? RetractedBy,
    TreatyEvent Event)
{
    public bool Retracted => RetractedBy is not null;
}

public sealed record PartyHistory(string Name, IReadOnlyList<PartyInterval> Intervals);

/// <summary>The history projection: status intervals of the treaty and each party, and the dated timeline with sources.</summary>
public sealed record TreatyHistoryView(
    string Id,
    string Name,
    long Version,
    IReadOnlyList<TreatyInterval> Intervals,
    IReadOnlyList<PartyHistory> Parties,
    IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<HistoryEntry> Events)
{
    public static TreatyHistoryView From(Treaty treaty, TreatyTimeline timeline)
    {
        var retractions = treaty.Facts
            .Where(f => f.Event is EventRetracted)
            .GroupBy(f => ((EventRetracted)f.Event).EventId)
            .ToDictionary(g => g.Key, g => g.First().Id);

        var events = treaty.Facts
            .OrderBy(f => f.Event.On).ThenBy(f => f.Version)
            .Select(f => new HistoryEntry(f.Id, f.Version, TreatyEventTypes.NameOf(f.Event), f.Event.On, f.Event.Summary,
                f.Event.Source, f.RecordedAt, retractions.TryGetValue(f.Id, out var by) ? by : null, f.Event))
            .ToList();

        return new TreatyHistoryView(treaty.Id, treaty.Name, treaty.Version, timeline.Treaty,
            timeline.Parties.Select(p => new PartyHistory(p.Name, p.Intervals)).ToList(), timeline.Deadlines, events);
    }
}
