using TreatyTracker.Treaties.Status;

namespace TreatyTracker.Treaties.ListingDeadlines;

/// <summary>A transition that follows on a known day from earlier facts (a notice running out, a term ending), across treaties.</summary>
public sealed record DeadlineRow(string Id, string TreatyId, DateOnly On, DeadlineKind Kind, string? Party, Guid CausedBy) : ITreatyRow
{
    public static DeadlineRow From(string treatyId, Deadline deadline) => new(
        $"{treatyId}/{deadline.Kind}/{deadline.Party}/{deadline.On:yyyy-MM-dd}", treatyId, deadline.On, deadline.Kind, deadline.Party, deadline.CausedBy);
}
