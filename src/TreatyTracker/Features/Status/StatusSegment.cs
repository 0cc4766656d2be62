using TreatyTracker.Store.ReadModels;
using Marten;
using System.Linq.Expressions;
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
}

/// <summary>The status segments of every treaty.</summary>
public sealed class StatusSegments : ReadModel<StatusSegment>
{
    public override IEnumerable<StatusSegment> RowsOf(TreatyRecord record) => StatusSegment.Cut(record.Treaty);

    protected override Expression<Func<StatusSegment, bool>> OfTreaties(string[] treatyIds) => s => s.TreatyId.IsOneOf(treatyIds);

    protected override object IdOf(StatusSegment row) => row.Id;

    // "Every treaty on a date" reads one segment per treaty through this index: its cost follows the treaties answered,
    // not the events stored.
    public override void Configure(StoreOptions options) => options.Schema.For<StatusSegment>()
        .Duplicate(s => s.TreatyId)
        .Duplicate(s => s.From, pgType: "date")
        .Duplicate(s => s.To, pgType: "date");
}
