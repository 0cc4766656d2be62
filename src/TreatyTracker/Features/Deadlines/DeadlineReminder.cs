using Marten;
using TreatyTracker.Store;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Marten;

namespace TreatyTracker.Features.Deadlines;

/// <summary>
/// A durable message scheduled for the day a deadline falls due (00:00 UTC). It is a reminder, not a fact: when it
/// fires, the treaty's record decides what is due, so a reminder whose deadline moved or went away records nothing.
/// </summary>
/// <remarks>Named as earlier releases named it, so that the reminders they scheduled are still delivered.</remarks>
[MessageIdentity(MessageType)]
public sealed record DeadlineReminder(string TreatyId, DateOnly On, DeadlineKind Kind, string? Party)
{
    public const string MessageType = "TreatyTracker.Treaties.ActingOnDeadlines.RecordDueTransition";

    public DateTimeOffset DueAt => new(On.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A reminder for each deadline the decision adds that is still to come.</summary>
    public static IEnumerable<DeadlineReminder> ToCome(Decision decision, DateTimeOffset now) =>
        DeadlineRules.ToCome(decision, now).Select(d => new DeadlineReminder(decision.After!.Id, d.On, d.Kind, d.Party));
}

/// <summary>Every write schedules, in its own transaction, a reminder for each deadline it leaves to come.</summary>
public sealed class ScheduleReminders : IOnRecorded
{
    public async ValueTask OnRecordedAsync(Decision decision, IMessageBus messages, DateTimeOffset now)
    {
        foreach (var reminder in DeadlineReminder.ToCome(decision, now)) await messages.ScheduleAsync(reminder, reminder.DueAt);
    }
}

public static class DeadlineReminderHandler
{
    public const string RecordedBy = RecordedFact.ConsequenceRecorder;

    public static TreatyChange Handle(DeadlineReminder reminder, [ReadAggregate] Treaty treaty, TimeProvider clock, IDocumentSession session)
    {
        session.LastModifiedBy = RecordedBy;
        return new TreatyChange(DeadlineRules.Due(treaty, clock.GetUtcNow()));
    }
}
