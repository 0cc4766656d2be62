using JasperFx.Events;
using Marten;
using TreatyTracker.Features.Deadlines;
using TreatyTracker.Features.Webhooks;
using TreatyTracker.Store.Kept;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine;

namespace TreatyTracker.Store;

/// <summary>
/// The one way a decision is recorded, by every write (the API, the import, the seeds, a reminder): its events are
/// appended to the treaty's stream expecting the version the decision started from, the read models that changed are
/// written from the decision's own fold, the webhooks are told of the commit, and a reminder is scheduled for each deadline still to come, all in the
/// session's one transaction. Returned from an endpoint or a handler, Wolverine carries it out before it commits.
/// </summary>
public sealed record TreatyChange(Decision Decision) : ISideEffect
{
    public async Task ExecuteAsync(IDocumentSession session, IMessageBus messages, KeptTreaties kept, TimeProvider clock)
    {
        Record(session, Decision, kept);
        // Into the same transaction as the events, through the outbox the session is enrolled in (a handler's, an endpoint's,
        // or the one the seeds enroll): the webhooks hear of exactly the commits that happen.
        if (Decision is { Records: true, Recorded.Count: > 0 })
            await messages.PublishAsync(new CommitRecorded(Decision.After!.Id, Decision.Recorded.Select(f => f.Id).ToList()));
        foreach (var reminder in DeadlineReminder.ToCome(Decision, clock.GetUtcNow()))
            await messages.ScheduleAsync(reminder, reminder.DueAt);
    }

    /// <summary>Queues the decision's events and read models into <paramref name="session"/>; nothing is written before it saves.</summary>
    public static void Record(IDocumentSession session, Decision decision, KeptTreaties kept)
    {
        if (!decision.Records) return;
        var after = decision.After!;
        var events = new List<IEvent>();
        if (decision.Registered is { } registered)
            events.Add(new Event<TreatyRegistered>(registered) { Id = Guid.CreateVersion7(), Timestamp = after.RegisteredAt });
        events.AddRange(decision.Recorded.Select(AsStoredEvent));

        if (decision.Before is null) session.Events.StartStream<Treaty>(after.Id, events.Cast<object>().ToArray());
        else session.Events.Append(after.Id, after.Version, events.Cast<object>().ToArray());
        ReadModels.Write(session, decision, session.LastModifiedBy);
        // Kept before the commit: a kept treaty is trusted only while the event stored at its version is the one it ends
        // with, so one whose commit fails is read afresh.
        kept.Keep(after);
    }

    /// <summary>A recorded fact as Marten stores it: of the fact's own type, with the id and time decided for it.</summary>
    public static IEvent AsStoredEvent(RecordedFact fact)
    {
        var wrapped = EventWrapping.For(fact.Event.GetType())(fact.Event);
        wrapped.Id = fact.Id;
        wrapped.Timestamp = fact.RecordedAt;
        return wrapped;
    }
}
