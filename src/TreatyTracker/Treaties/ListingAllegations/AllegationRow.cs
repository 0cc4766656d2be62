using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties.ListingAllegations;

/// <summary>One standing (not retracted) violation allegation, kept for queries across treaties.</summary>
public sealed record AllegationRow(
    Guid Id,
    string TreatyId,
    DateOnly On,
    string Accuser,
    string Accused,
    string? Summary,
    Citation? Source)
{
    public static AllegationRow From(string treatyId, Allegation allegation) => new(
        allegation.EventId, treatyId, allegation.On, allegation.Accuser, allegation.Accused, allegation.Summary, allegation.Source);

    public static AllegationRow From(string treatyId, Guid eventId, ViolationAlleged alleged) => new(
        eventId, treatyId, alleged.On, alleged.Accuser, alleged.Accused, alleged.Summary, alleged.Source);

    /// <summary>The allegations of a whole stream that stand: recorded and not retracted.</summary>
    public static IEnumerable<AllegationRow> Standing(string treatyId, IReadOnlyCollection<JasperFx.Events.IEvent> stream)
    {
        var retracted = stream.Select(e => e.Data).OfType<EventRetracted>().Select(r => r.EventId).ToHashSet();
        return stream.Where(e => e.Data is ViolationAlleged && !retracted.Contains(e.Id))
            .Select(e => From(treatyId, e.Id, (ViolationAlleged)e.Data));
    }
}
