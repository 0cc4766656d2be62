using Marten;
using TreatyTracker.Features.Record;
using TreatyTracker.Features.States;
using TreatyTracker.Store;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Store.ReadModels;
using Wolverine;
using Wolverine.Attributes;

namespace TreatyTracker.Features.Webhooks;

/// <summary>
/// Published by every commit of a treaty's events (<see cref="TellWebhooks"/>), through Wolverine's outbox into the
/// commit's own transaction: it is stored in PostgreSQL if and only if the events are, whichever way they came (the API,
/// an import, a correction, the seeds, a deadline). Handled afterwards, it becomes one <see cref="WebhookDelivery"/> for
/// each subscription that wants some of the commit's events.
/// </summary>
[MessageIdentity("treatytracker.commit-recorded")]
public sealed record CommitRecorded(string TreatyId, IReadOnlyList<Guid> EventIds);

/// <summary>Every write that records events tells the webhooks of its commit, in its own transaction.</summary>
public sealed class TellWebhooks : IOnRecorded
{
    public async ValueTask OnRecordedAsync(Decision decision, IMessageBus messages, DateTimeOffset now)
    {
        if (decision.Recorded.Count > 0) await messages.PublishAsync(new CommitRecorded(decision.After!.Id, decision.Recorded.Select(f => f.Id).ToList()));
    }
}

public static class CommitRecordedHandler
{
    public static async Task Handle(CommitRecorded commit, IDocumentSession session, IMessageBus bus, TimeProvider clock, CancellationToken cancellation)
    {
        var subscriptions = await session.Query<WebhookSubscription>().ToListAsync(cancellation);
        if (subscriptions.Count == 0) return;
        // Read from the events themselves, which the commit stored, not from the read models, which may follow a moment later.
        if (TreatyRecord.Of(await session.Events.FetchStreamAsync(commit.TreatyId, token: cancellation)) is not { } record) return;
        var committed = commit.EventIds.ToHashSet();
        var entries = RecordEntryRow.Of(record.Treaty, record.Facts.Where(f => committed.Contains(f.Id))).OrderBy(r => r.Version).Select(RecordEntry.Of).ToList();
        var names = new Dictionary<string, IReadOnlyCollection<string>>();
        foreach (var state in subscriptions.Select(s => s.Filter.State).OfType<string>().Distinct())
            names[state] = await StateNamesRow.AllNamesOfAsync(session, state, cancellation);

        var deliveries = WebhookFanOut.Deliveries(commit.TreatyId, entries, subscriptions, names, clock.GetUtcNow());
        // Handled again (at least once), the same commit yields the same deliveries: those already made are left alone.
        var made = (await session.LoadManyAsync<WebhookDelivery>(cancellation, deliveries.Select(d => d.Id))).Select(d => d.Id).ToHashSet();
        foreach (var delivery in deliveries.Where(d => !made.Contains(d.Id)))
        {
            session.Insert(delivery);
            await bus.PublishAsync(new DeliverWebhook(delivery.Id));
        }
    }
}

public static class WebhookFanOut
{
    /// <summary>
    /// One delivery per subscription that wants any of <paramref name="entries"/>, with those of them it wants, in order. A
    /// subscription hears of what is recorded from its creation on, even when the commit's message is handled after it.
    /// </summary>
    /// <param name="stateNames">For each subscription's state, every name it has had.</param>
    public static IReadOnlyList<WebhookDelivery> Deliveries(string treatyId, IReadOnlyList<RecordEntry> entries,
        IEnumerable<WebhookSubscription> subscriptions, IReadOnlyDictionary<string, IReadOnlyCollection<string>> stateNames, DateTimeOffset now) =>
        subscriptions
            .Select(s => (Subscription: s, Wanted: entries.Where(e => e.RecordedAt >= s.CreatedAt && s.Filter.Matches(e, s.Filter.State is { } state ? stateNames[state] : [])).ToList()))
            .Where(s => s.Wanted.Count > 0)
            .Select(s => WebhookDelivery.New(s.Subscription.Id, treatyId, s.Wanted, now))
            .ToList();
}
