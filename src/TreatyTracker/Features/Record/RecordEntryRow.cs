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
