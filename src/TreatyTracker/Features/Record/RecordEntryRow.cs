using TreatyTracker.Store.ReadModels;
using Marten;
using System.Linq.Expressions;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.Record;

/// <summary>
/// One recorded event, kept across treaties in the order it was recorded, for "what is new in the record since
/// an instant": with the states it names (a retraction: the states its target named), to ask by state.
/// </summary>
public sealed record RecordEntryRow(Guid Id, string TreatyId, string ShortName, long Version, string Type, DateTimeOffset RecordedAt,
    string? RecordedBy, IReadOnlyList<string> States, TreatyEvent Event)
{
    /// <summary>
    /// The rows of <paramref name="recorded"/>, facts of <paramref name="treaty"/> (which holds the targets of their
    /// retractions), recorded by <paramref name="recordedBy"/> when given: the session stores every event it appends under that name.
    /// </summary>
    public static IEnumerable<RecordEntryRow> Of(Treaty treaty, IEnumerable<RecordedFact> recorded, string? recordedBy = null) => recorded.Select(fact =>
        new RecordEntryRow(fact.Id, treaty.Id, treaty.Terms.ShortName, fact.Version, TreatyEventTypes.NameOf(fact.Event), fact.RecordedAt,
            recordedBy ?? fact.RecordedBy, NamedStates.Of(fact.Event is EventRetracted retraction && treaty.FindFact(retraction.EventId) is { } target ? target.Event : fact.Event),
            fact.Event));
}

/// <summary>Every recorded event, across treaties, in the order it was recorded.</summary>
public sealed class RecordEntryRows : ReadModel<RecordEntryRow>
{
    public override IEnumerable<RecordEntryRow> RowsOf(TreatyRecord record) => RecordEntryRow.Of(record.Treaty, record.Facts);

    protected override Expression<Func<RecordEntryRow, bool>> OfTreaties(string[] treatyIds) => r => r.TreatyId.IsOneOf(treatyIds);

    protected override object IdOf(RecordEntryRow row) => row.Id;

    public override void Configure(StoreOptions options) =>
        options.Schema.For<RecordEntryRow>().Duplicate(r => r.TreatyId).Duplicate(r => r.RecordedAt, pgType: "timestamp with time zone");
}
