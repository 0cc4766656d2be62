using Marten;
using TreatyTracker.Features.Status;
using TreatyTracker.Store;
using TreatyTracker.Store.Kept;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Marten;

namespace TreatyTracker.Hosting.Seeding;

public sealed record SeedResult(string TreatyId, bool Registered, int Recorded, int AlreadyPresent);

/// <summary>
/// Loads <c>seeds/</c> through the same decisions as the API, one transaction per treaty. Loading twice changes nothing:
/// an entry already recorded (by its id, see <see cref="SeedFile.EventIdOf"/>) is left as it is.
/// </summary>
public sealed class SeedLoader(IDocumentStore store, IServiceScopeFactory scopes, KeptTreaties kept, TimeProvider clock, SeedOptions options,
    ILogger<SeedLoader> logger)
{
    public const string RecordedBy = "seed";

    public async Task<IReadOnlyList<SeedResult>> LoadAllAsync(CancellationToken cancellation = default)
    {
        if (!Directory.Exists(options.Directory))
            throw new SeedException(options.Directory, "the seeds directory does not exist");

        var results = new List<SeedResult>();
        foreach (var path in Directory.GetFiles(options.Directory, "*.json").Order(StringComparer.Ordinal))
            results.Add(await LoadAsync(path, cancellation));
        return results;
    }

    public async Task<bool> DatabaseIsEmptyAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return !await session.Query<TreatyStatusView>().AnyAsync(cancellation);
    }

    public async Task<SeedResult> LoadAsync(string path, CancellationToken cancellation = default)
    {
        var seed = await SeedFile.ReadAsync(path, cancellation);
        var now = clock.GetUtcNow();
        var registration = RegisterTreaty.Decide(seed.Treaty, now);
        if (registration.Refusal is { } refused) throw new SeedException(path, refused.Detail);
        var treatyId = registration.After!.Id;

        using var scope = scopes.CreateScope();
        // Reminders of the deadlines the seeds leave to come are scheduled in the same transaction as the events.
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = store.LightweightSession();
        session.LastModifiedBy = RecordedBy;
        session.CorrelationId = $"seed:{Path.GetFileName(path)}";
        outbox.Enroll(session);

        var existing = await session.Events.FetchLatest<Treaty>(treatyId, cancellation);
        var decision = existing is null ? registration : Decision.About(existing);
        var present = 0;
        for (var index = 0; index < seed.Events.Count; index++)
        {
            var entry = seed.Events[index];
            var eventId = SeedFile.EventIdOf(treatyId, entry);
            if (decision.After!.FindFact(eventId) is not null)
            {
                present++;
                continue;
            }
            decision = RecordEvent.Fact(decision, entry, eventId, now);
            if (decision.Refusal is { } refusal)
                throw new SeedException(path, $"event #{index + 1} ({entry.Type} on {entry.On:yyyy-MM-dd}): {refusal.Detail}");
        }
        decision = DeadlineRules.FallingDue(decision, now);

        if (decision.Records)
        {
            await new TreatyChange(decision).ExecuteAsync(session, outbox, kept, clock);
            await session.SaveChangesAsync(cancellation);
        }
        var recorded = decision.Recorded.Count;
        logger.LogInformation("Seeded {Treaty} from {File}: {Recorded} events recorded, {Present} already present",
            treatyId, Path.GetFileName(path), recorded, present);
        return new SeedResult(treatyId, existing is null, recorded, present);
    }
}
