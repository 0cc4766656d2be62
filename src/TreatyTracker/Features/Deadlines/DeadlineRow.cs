using TreatyTracker.Store.ReadModels;
using Marten;
using System.Linq.Expressions;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Features.Deadlines;

/// <summary>A deadline across treaties: a transition that follows on a known day from earlier facts (a notice running out, a term ending).</summary>
/// <remarks><c>Recorded</c>: the record already states the transition (else it is only derived, and its reminder records it when due).</remarks>
public sealed record DeadlineRow(string Id, string TreatyId, DateOnly On, DeadlineKind Kind, string? Party, Guid CausedBy, bool Recorded)
{
    public static DeadlineRow From(Treaty treaty, Deadline deadline) => new(
        $"{treaty.Id}/{deadline.Kind}/{deadline.Party}/{deadline.On:yyyy-MM-dd}", treaty.Id, deadline.On, deadline.Kind, deadline.Party,
        deadline.CausedBy, DeadlineRules.IsRecorded(treaty, deadline));
}

/// <summary>The deadlines of every treaty, past and to come.</summary>
public sealed class DeadlineRows : ReadModel<DeadlineRow>
{
    public override IEnumerable<DeadlineRow> RowsOf(TreatyRecord record) => record.Treaty.Timeline.Deadlines.Select(d => DeadlineRow.From(record.Treaty, d));

    protected override Expression<Func<DeadlineRow, bool>> OfTreaties(string[] treatyIds) => d => d.TreatyId.IsOneOf(treatyIds);

    protected override object IdOf(DeadlineRow row) => row.Id;

    public override void Configure(StoreOptions options) => options.Schema.For<DeadlineRow>().Duplicate(d => d.TreatyId).Duplicate(d => d.On, pgType: "date");
}
