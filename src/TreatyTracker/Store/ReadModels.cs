using JasperFx.Events;
using Marten;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Features.Deadlines;
using TreatyTracker.Features.Links;
using TreatyTracker.Features.Periods;
using TreatyTracker.Features.Record;
using TreatyTracker.Features.States;
using TreatyTracker.Features.Status;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Store;

/// <summary>
/// The read models every question is answered from, derived from a treaty's record: its current-status view, the
/// segments of its status over time, its deadlines and its standing allegations. Written in the transaction of every
/// write (<see cref="TreatyChange"/>) and all at once by a rebuild, from the same functions.
/// </summary>
public static class ReadModels
{
    /// <summary>
    /// The derivation of the read models this release writes: raised whenever what they hold, or the rules they follow
    /// from, change, so that a database of an earlier release is rebuilt when a writer starts on it (<see cref="RebuildOnUpgrade"/>).
    /// </summary>
    public const int Version = 5;

    /// <summary>The document types the read models are kept in, for a rebuild to clear.</summary>
    public static readonly Type[] Types = [typeof(TreatyStatusView), typeof(StatusSegment), typeof(AllegationRow), typeof(DeadlineRow), typeof(StateNamesRow), typeof(TreatyLinkRow),
        typeof(StatusIntervalRow), typeof(StateInTreatyRow), typeof(RecordEntryRow)];

    public static void Register(StoreOptions options)
    {
        // A state's view reads when each of its treaties was last recorded, for its citation, without their documents.
        options.Schema.For<TreatyStatusView>().Duplicate(v => v.RecordedThrough, pgType: "timestamp with time zone");
        // "Every treaty on a date" reads one segment per treaty through this index: its cost follows the treaties
        // answered, not the events stored.
        options.Schema.For<StatusSegment>()
            .Duplicate(s => s.TreatyId)
            .Duplicate(s => s.From, pgType: "date")
            .Duplicate(s => s.To, pgType: "date");
        // A state's view and the questions by accuser or accused read allegations by the states' names.
        options.Schema.For<AllegationRow>().Duplicate(a => a.TreatyId).Duplicate(a => a.On, pgType: "date")
            .Duplicate(a => a.Accuser).Duplicate(a => a.Accused);
        options.Schema.For<DeadlineRow>().Duplicate(d => d.TreatyId).Duplicate(d => d.On, pgType: "date");
        options.Schema.For<StateNamesRow>();
        options.Schema.For<TreatyLinkRow>().Duplicate(l => l.FromTreaty).Duplicate(l => l.ToTreaty);
        // A state's view and the questions over a period read intervals by party, by treaty and by their bounds.
        options.Schema.For<StatusIntervalRow>()
            .Duplicate(i => i.TreatyId)
            .Duplicate(i => i.Party!)
            .Duplicate(i => i.Status)
            .Duplicate(i => i.From, pgType: "date")
            .Duplicate(i => i.To, pgType: "date");
        // A state's view of any day reads its row in each treaty by the state's name.
        options.Schema.For<StateInTreatyRow>().Duplicate(r => r.TreatyId).Duplicate(r => r.Party);
        options.Schema.For<RecordEntryRow>().Duplicate(r => r.TreatyId).Duplicate(r => r.RecordedAt, pgType: "timestamp with time zone");
        options.Schema.For<ReadModelsVersion>();
    }

    /// <summary>The rows that follow from a treaty's whole record (all but the allegations, which follow their events).</summary>
    public static (TreatyStatusView Status, StatusSegment[] Segments, DeadlineRow[] Deadlines) Of(Treaty treaty, string? lastSummary)
    {
        var (segments, deadlines) = RowsOf(treaty);
        return (TreatyStatusView.From(treaty, lastSummary), segments, deadlines);
    }

    private static (StatusSegment[] Segments, DeadlineRow[] Deadlines) RowsOf(Treaty treaty) =>
        (StatusSegment.Cut(treaty).ToArray(), treaty.Timeline.Deadlines.Select(d => DeadlineRow.From(treaty, d)).ToArray());

    /// <summary>
    /// The read models of a decision's treaty. Those derived from the whole record are derived again, since a backdated
    /// fact can change any of them, but only the rows that differ from the ones the record had before are written: most
    /// events change few of them. Allegation rows, which carry the allegation's own text, follow their events.
    /// </summary>
    /// <param name="recordedBy">Who the session records the decision's events as recorded by (the facts learn it only once stored).</param>
    public static void Write(IDocumentOperations operations, Decision decision, string? recordedBy)
    {
        var after = decision.After!;
        var (status, segments, deadlines) = Of(after, decision.Recorded.LastOrDefault()?.Event.Summary);
        var (segmentsBefore, deadlinesBefore) = decision.Before is { } before ? RowsOf(before) : ([], []);
        ReadModelWrites.Upsert(operations, [status]);
        WriteChanged(operations, segmentsBefore, segments, s => s.Id, StatusSegment.Same);
        WriteChanged(operations, deadlinesBefore, deadlines, d => d.Id, (a, b) => a == b);
        WriteChanged(operations, decision.Before is { } was ? StateNamesRow.Of(was).ToArray() : [], StateNamesRow.Of(after).ToArray(), n => n.Id, StateNamesRow.Same);
        WriteChanged(operations, decision.Before is { } had ? TreatyLinkRow.Of(had).ToArray() : [], TreatyLinkRow.Of(after).ToArray(), l => l.Id, (a, b) => a == b);
        WriteChanged(operations, decision.Before is { } held ? StatusIntervalRow.Of(held).ToArray() : [], StatusIntervalRow.Of(after).ToArray(), i => i.Id,
            StatusIntervalRow.Same);
        WriteChanged(operations, decision.Before is { } took ? StateInTreatyRow.Of(took).ToArray() : [], StateInTreatyRow.Of(after).ToArray(), r => r.Id,
            StateInTreatyRow.Same);
        WriteAllegations(operations, after, decision.Recorded);
        ReadModelWrites.Upsert(operations, RecordEntryRow.Of(after, decision.Recorded, recordedBy).ToArray());
    }

    /// <summary>
    /// Stores the allegations the decision adds and deletes those it retracts. An allegation both added and retracted by
    /// one decision (an import can do that) is neither stored nor deleted, and retracting any other kind of event deletes nothing.
    /// </summary>
    private static void WriteAllegations(IDocumentOperations operations, Treaty treaty, IReadOnlyList<RecordedFact> recorded)
    {
        ReadModelWrites.Upsert(operations, AllegationRow.Standing(treaty.Id, recorded));
        var added = recorded.Where(f => f.Event is ViolationAlleged).Select(f => f.Id).ToHashSet();
        foreach (var retracted in recorded.Select(f => f.Event).OfType<EventRetracted>())
            if (!added.Contains(retracted.EventId) && treaty.FindFact(retracted.EventId)?.Event is ViolationAlleged)
                operations.Delete<AllegationRow>(retracted.EventId);
    }

    /// <summary>Every read model of the treaties in <paramref name="streams"/>, as a rebuild writes them.</summary>
    public sealed record Rows(List<TreatyStatusView> Statuses, List<StatusSegment> Segments, List<DeadlineRow> Deadlines, List<AllegationRow> Allegations,
        List<StateNamesRow> Names, List<TreatyLinkRow> Links, List<StatusIntervalRow> Intervals, List<StateInTreatyRow> States, List<RecordEntryRow> Entries);

    public static Rows OfStreams(IEnumerable<IReadOnlyList<IEvent>> streams)
    {
        var result = new Rows([], [], [], [], [], [], [], [], []);
        foreach (var stream in streams)
        {
            if (TreatyAggregation.Aggregate(stream) is not { } treaty) continue;
            var recorded = TreatyAggregation.FactsOf(stream);
            var (status, segments, deadlines) = Of(treaty, recorded.LastOrDefault()?.Event.Summary);
            result.Statuses.Add(status);
            result.Segments.AddRange(segments);
            result.Deadlines.AddRange(deadlines);
            result.Allegations.AddRange(AllegationRow.Standing(treaty.Id, recorded));
            result.Names.AddRange(StateNamesRow.Of(treaty));
            result.Links.AddRange(TreatyLinkRow.Of(treaty));
            result.Intervals.AddRange(StatusIntervalRow.Of(treaty));
            result.States.AddRange(StateInTreatyRow.Of(treaty));
            result.Entries.AddRange(RecordEntryRow.Of(treaty, recorded));
        }
        return result;
    }

    /// <summary>Deletes the rows that are gone and stores those that are new or changed; rows are keyed by what they describe.</summary>
    private static void WriteChanged<TRow>(IDocumentOperations operations, TRow[] before, TRow[] after, Func<TRow, string> id, Func<TRow, TRow, bool> same)
        where TRow : notnull
    {
        var previous = before.ToDictionary(id);
        foreach (var gone in previous.Keys.Except(after.Select(id))) operations.Delete<TRow>(gone);
        ReadModelWrites.Upsert(operations, after.Where(r => !previous.TryGetValue(id(r), out var old) || !same(old, r)).ToArray());
    }
}
