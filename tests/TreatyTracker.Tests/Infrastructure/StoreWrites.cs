using Marten;
using TreatyTracker.Store;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>
/// Facts written through the store's one write path (<see cref="TreatyChange"/>) but past the decisions: as another
/// instance of the app records them, or in an order the rules would refuse, to see that the answers do not depend on it.
/// </summary>
public static class StoreWrites
{
    public static async Task RegisterAsync(IDocumentStore store, TreatyRegistered registered, params TreatyEvent[] facts) =>
        await SaveAsync(store, facts.Aggregate(Decision.Registering(registered, DateTimeOffset.UtcNow), Recording));

    public static async Task RecordAsync(IDocumentStore store, string treatyId, params TreatyEvent[] facts) =>
        await RecordAsync(store, treatyId, facts.Select(f => (Guid.CreateVersion7(), f)).ToArray());

    public static async Task RecordAsync(IDocumentStore store, string treatyId, params (Guid Id, TreatyEvent Fact)[] facts)
    {
        Treaty? treaty;
        await using (var query = store.LightweightSession())
            treaty = await query.Events.FetchLatest<Treaty>(treatyId, TestContext.Current.CancellationToken);
        var decision = facts.Aggregate(Decision.About(treaty!), (decided, f) => decided.Recording(f.Fact, f.Id, DateTimeOffset.UtcNow));
        await SaveAsync(store, decision);
    }

    private static Decision Recording(Decision decision, TreatyEvent fact) => decision.Recording(fact, Guid.CreateVersion7(), DateTimeOffset.UtcNow);

    private static async Task SaveAsync(IDocumentStore store, Decision decision)
    {
        await using var session = store.LightweightSession();
        TreatyChange.Record(session, decision);
        await session.SaveChangesAsync(TestContext.Current.CancellationToken);
    }
}
