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
