using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.Status;

/// <summary>
/// A stretch of days <c>[From, To)</c> over which nothing about a treaty's status changes, with its snapshot.
/// Written with every write to the treaty; "every treaty on a date" is then one indexed read of one row
/// per treaty, whatever the number of events stored.
/// </summary>
public sealed record StatusSegment(string Id, string TreatyId, string TreatyName, string TreatyShortName, DateOnly From, DateOnly To, TreatySnapshot Snapshot)
{
    public static IEnumerable<StatusSegment> Cut(Treaty treaty)
    {
        var timeline = treaty.Timeline;
        var boundaries = timeline.Treaty.Select(i => i.From)
            .Concat(timeline.Parties.SelectMany(p => p.Intervals.Select(i => (DateOnly?)i.From)))
            .Concat(timeline.Expiry.Select(e => (DateOnly?)e.SetOn))
            .Concat(timeline.Parties.SelectMany(p => p.Names?.Select(n => (DateOnly?)n.From) ?? []))
            .Concat(timeline.Objections.Select(o => (DateOnly?)o.On))
            .Concat(timeline.Links.Select(l => (DateOnly?)l.On))
            .OfType<DateOnly>()
            .Append(DateOnly.MinValue)
            .Distinct()
            .Order()
            .ToList();

        for (var i = 0; i < boundaries.Count; i++)
        {
            var from = boundaries[i];
            var to = i + 1 < boundaries.Count ? boundaries[i + 1] : DateOnly.MaxValue;
            yield return new StatusSegment($"{treaty.Id}/{from:yyyy-MM-dd}", treaty.Id, treaty.Terms.Name, treaty.Terms.ShortName, from, to, timeline.On(from));
        }
    }

    /// <summary>Whether two segments say the same: records compare the lists they hold by reference, these by their items.</summary>
    public static bool Same(StatusSegment a, StatusSegment b) =>
        a with { Snapshot = b.Snapshot } == b
        && a.Snapshot with
        {
            Parties = b.Snapshot.Parties, PendingDeadlines = b.Snapshot.PendingDeadlines, Objections = b.Snapshot.Objections, Links = b.Snapshot.Links,
            Scope = b.Snapshot.Scope
        } == b.Snapshot
        && RecordScope.Same(a.Snapshot.Scope, b.Snapshot.Scope)
        && a.Snapshot.Parties.Count == b.Snapshot.Parties.Count && a.Snapshot.Parties.Zip(b.Snapshot.Parties).All(p => SameParty(p.First, p.Second))
        && a.Snapshot.PendingDeadlines.SequenceEqual(b.Snapshot.PendingDeadlines)
        && a.Snapshot.Objections.SequenceEqual(b.Snapshot.Objections)
        && a.Snapshot.Links.SequenceEqual(b.Snapshot.Links);

    private static bool SameParty(PartySnapshot a, PartySnapshot b) =>
        a with { Toward = null, Names = null, SucceededBy = null, Before = null } == b with { Toward = null, Names = null, SucceededBy = null, Before = null }
        && (a.Toward ?? []).SequenceEqual(b.Toward ?? []) && (a.Names ?? []).SequenceEqual(b.Names ?? [])
        && (a.SucceededBy ?? []).SequenceEqual(b.SucceededBy ?? [])
        && (a.Before is null) == (b.Before is null)
        && (a.Before is null || (a.Before with { Toward = null } == b.Before! with { Toward = null } && (a.Before.Toward ?? []).SequenceEqual(b.Before.Toward ?? [])));
}
