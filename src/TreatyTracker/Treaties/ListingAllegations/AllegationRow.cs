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
    Citation? Source) : ITreatyRow
{
    public static AllegationRow From(string treatyId, Allegation allegation) => new(
        allegation.EventId, treatyId, allegation.On, allegation.Accuser, allegation.Accused, allegation.Summary, allegation.Source);

    public static AllegationRow From(string treatyId, Guid eventId, ViolationAlleged alleged) => new(
        eventId, treatyId, alleged.On, alleged.Accuser, alleged.Accused, alleged.Summary, alleged.Source);
}
