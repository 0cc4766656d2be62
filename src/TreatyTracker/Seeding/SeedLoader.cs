using Marten;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.ActingOnDeadlines;
using Wolverine;
using Wolverine.Marten;
using TreatyTracker.Treaties.Recording;
using TreatyTracker.Treaties.Registering;

namespace TreatyTracker.Seeding;

public sealed record SeedResult(string TreatyId, bool Registered, int Recorded, int AlreadyPresent);

/// <summary>
/// Loads <c>seeds/</c> through the same decisions as the API (<see cref="RegisterTreaty"/>,
/// <see cref="RecordEvent"/>), one transaction per treaty. Loading twice changes nothing.
/// </summary>
public sealed class SeedLoader(IDocumentStore store, IServiceScopeFactory scopes, TimeProvider clock, SeedOptions options, ILogger<SeedLoader> logger)
{
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
        return !await session.Query<TreatyTracker.Treaties.GettingStatus.TreatyStatusView>().AnyAsync(cancellation);
    }

    public async Task<SeedResult> LoadAsync(string path, CancellationToken cancellation = default)
    {
        var seed = await SeedFile.ReadAsync(path, cancellation);
        var (registration, registrationProblem) = RegisterTreaty.Decide(seed.Treaty);
        if (registration is null) throw new SeedException(path, registrationProblem!.Detail ?? "invalid treaty");

        using var scope = scopes.CreateScope();
        // Reminders of the deadlines the seeds create are scheduled in the same transaction as the events.
        var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
        await using var session = store.LightweightSession();
        session.LastModifiedBy = "seed";
        session.CorrelationId = $"seed:{Path.GetFileName(path)}";
        outbox.Enroll(session);
        var stream = await session.Events.FetchForWriting<Treaty>(registration.TreatyId, cancellation);
        var treaty = stream.Aggregate;
        var before = treaty;
        var registered = treaty is null;
        if (treaty is null)
        {
            stream.AppendOne(registration);
            treaty = Treaty.Register(registration, clock.GetUtcNow());
        }

        int recorded = 0, present = 0;
        for (var index = 0; index < seed.Events.Count; index++)
        {
            var entry = seed.Events[index];
            var eventId = SeedFile.EventIdOf(registration.TreatyId, entry);
            if (treaty.FindFact(eventId) is not null)
            {
                present++;
                continue;
            }

            var decision = RecordEvent.Decide(treaty, entry, eventId, clock.GetUtcNow());
            if (decision.Event is null)
                throw new SeedException(path, $"event #{index + 1} ({entry.Type} on {entry.On:yyyy-MM-dd}): {decision.Problem!.Detail}");

            stream.AppendOne(TreatyEventTypes.ToMartenEvent(decision.Event, eventId));
            treaty = decision.After!;
            recorded++;
        }

        if (registered || recorded > 0)
        {
            foreach (var reminder in TransitionsDue.NewReminders(before ?? Treaty.Register(registration, clock.GetUtcNow()), treaty))
                await outbox.PublishAsync(reminder, new DeliveryOptions { ScheduledTime = reminder.DueAt });
            await session.SaveChangesAsync(cancellation);
        }
        logger.LogInformation("Seeded {Treaty} from {File}: {Recorded} events recorded, {Present} already present",
            registration.TreatyId, Path.GetFileName(path), recorded, present);
        return new SeedResult(registration.TreatyId, registered, recorded, present);
    }
}
