using JasperFx.Events;
using Marten;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine;

namespace TreatyTracker.Store;

/// <summary>
/// What a feature does in the transaction of every write, through the write's own outbox: it schedules the reminders of
/// the deadlines still to come, it tells the webhooks of the commit. Registered by the slice that needs it.
/// </summary>
public interface IOnRecorded
{
    ValueTask OnRecordedAsync(Decision decision, IMessageBus messages, DateTimeOffset now);
}

/// <summary>
/// The one way a decision is recorded, by every write (the API, the import, the seeds, a reminder): its events are
/// appended to the treaty's stream expecting the version the decision started from, and every <see cref="IOnRecorded"/>
/// is told, all in the session's one transaction. The read models follow from the events (Store/ReadModels). Returned
/// from an endpoint or a handler, Wolverine carries it out before it commits.
/// </summary>
public sealed record TreatyChange(Decision Decision) : ISideEffect
{
    public async Task ExecuteAsync(IDocumentSession session, IMessageBus messages, TimeProvider clock, IEnumerable<IOnRecorded> followers)
    {
        if (!Decision.Records) return;
        Record(session, Decision);
        foreach (var follower in followers) await follower.OnRecordedAsync(Decision, messages, clock.GetUtcNow());
    }

    /// <summary>Queues the decision's events into <paramref name="session"/>; nothing is written before it saves.</summary>
    public static void Record(IDocumentSession session, Decision decision)
    {
        if (!decision.Records) return;
        var after = decision.After!;
        var events = new List<IEvent>();
        if (decision.Registered is { } registered)
            events.Add(new Event<TreatyRegistered>(registered) { Id = Guid.CreateVersion7(), Timestamp = after.RegisteredAt });
        events.AddRange(decision.Recorded.Select(AsStoredEvent));

        if (decision.Before is null) session.Events.StartStream<Treaty>(after.Id, events.Cast<object>().ToArray());
        else session.Events.Append(after.Id, after.Version, events.Cast<object>().ToArray());
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
