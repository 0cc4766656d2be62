using Marten;
using TreatyTracker.Features.Status;
using TreatyTracker.Store;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Marten;

namespace TreatyTracker.Hosting.Seeding;

public sealed record SeedResult(string TreatyId, bool Registered, int Recorded, int AlreadyPresent);

/// <summary>
/// Loads <c>seeds/</c> through the same decisions as the API, one transaction per treaty. Loading twice changes nothing:
/// an entry already recorded (by its id, see <see cref="SeedFile.EventIdOf"/>) is left as it is.
/// </summary>
public sealed class SeedLoader(IDocumentStore store, IServiceScopeFactory scopes, TimeProvider clock, SeedOptions options,
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

    /// <summary>
    /// The seed file's record on top of <paramref name="start"/>: first the earlier releases' entries it retracts, then each
    /// entry not recorded yet (retracting, as it goes, the entry it corrects), then what falls due. The entries are checked
    /// against the rules together, since corrections may only fit together (a signatory renamed, say).
    /// </summary>
    private static Decision Decide(string path, SeedFile seed, Decision start, DateTimeOffset now, out int present)
    {
        var today = Today.Of(now);
        var treatyId = start.After!.Id;
        var decision = start;
        foreach (var retraction in seed.Retractions ?? [])
            if (Stands(decision, retraction.EventId))
                decision = decision.Recording(new EventRetracted(retraction.EventId, retraction.Reason) { On = today }, Guid.CreateVersion7(), now);

        present = 0;
        for (var index = 0; index < seed.Events.Count; index++)
        {
            var entry = seed.Events[index];
            var eventId = SeedFile.EventIdOf(treatyId, entry);
            if (decision.After!.FindFact(eventId) is not null)
            {
                present++;
                continue;
            }
            var mapped = RecordEvent.Mapped(decision, entry, eventId, now);
            if (mapped.Refusal is { } refused) throw new SeedException(path, $"event #{index + 1} ({entry.Type} on {entry.On:yyyy-MM-dd}): {refused.Detail}");
            var fact = mapped.Recorded[^1].Event;
            if (entry.Corrects is { } corrected && Stands(decision, corrected))
                decision = decision.Recording(new EventRetracted(corrected, Correction(decision.After.FindFact(corrected)!.Event, fact, eventId)) { On = today },
                    Guid.CreateVersion7(), now);
            decision = decision.Recording(fact, eventId, now);
        }
        var places = seed.Events.Select((entry, index) => (Id: SeedFile.EventIdOf(treatyId, entry), Place: $"event #{index + 1} ({entry.Type} on {entry.On:yyyy-MM-dd})"))
            .DistinctBy(p => p.Id).ToDictionary(p => p.Id, p => p.Place);
        var conflicts = RecordEvent.NewIssues(start.After!, decision.After!)
            .Select(issue => $"{places.GetValueOrDefault(issue.EventId, $"the recorded event {issue.EventId}")}: {issue.Message}").ToList();
        if (conflicts.Count > 0) throw new SeedException(path, string.Join("; ", conflicts));
        return DeadlineRules.FallingDue(decision, now);
    }

    private static bool Stands(Decision decision, Guid eventId) => decision.After!.StandingFacts.Any(f => f.Id == eventId);

    /// <summary>Why an earlier release's entry gives way to a corrected one: what the correction changes.</summary>
    private static string Correction(TreatyEvent old, TreatyEvent corrected, Guid correctedId)
    {
        var changes = new List<string>();
        if (TreatyEventTypes.NameOf(old) != TreatyEventTypes.NameOf(corrected)) changes.Add($"the type ({TreatyEventTypes.NameOf(old)} → {TreatyEventTypes.NameOf(corrected)})");
        if (old.On != corrected.On) changes.Add($"the date ({old.On:yyyy-MM-dd} → {corrected.On:yyyy-MM-dd})");
        if (old.Certainty != corrected.Certainty) changes.Add("how sure the date is");
        var bare = (TreatyEvent e) => e with { On = default, Certainty = null, Summary = null, Source = null, OtherSources = null };
        if (TreatyEventTypes.NameOf(old) == TreatyEventTypes.NameOf(corrected) && bare(old) != bare(corrected)) changes.Add("the parties or fields");
        changes.Add("the sources and wording as checked");
        return $"Corrected when the seeds were checked against primary sources: {string.Join(", ", changes)}. The corrected entry is {correctedId}.";
    }

    /// <summary>
    /// Loads the files whose treaty an earlier load seeded (its registration was recorded by the seeds), so that a
    /// database seeded by an earlier release gains the corrections of this one, and the files whose treaty the database
    /// does not have at all (the treaties a release adds); treaties recorded otherwise are left alone.
    /// </summary>
    public async Task<IReadOnlyList<SeedResult>> LoadSeededAsync(CancellationToken cancellation = default)
    {
        var results = new List<SeedResult>();
        if (!Directory.Exists(options.Directory)) return results;
        foreach (var path in Directory.GetFiles(options.Directory, "*.json").Order(StringComparer.Ordinal))
        {
            var seed = await SeedFile.ReadAsync(path, cancellation);
            await using var query = store.QuerySession();
            var registration = await query.Events.FetchStreamAsync(seed.Treaty.Id ?? "", version: 1, token: cancellation);
            if (registration is [] or [{ UserName: RecordedBy }]) results.Add(await LoadAsync(path, cancellation));
        }
        return results;
    }

    public async Task<bool> DatabaseIsEmptyAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return !await session.Events.QueryAllRawEvents().AnyAsync(cancellation);
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
        var decision = Decide(path, seed, existing is null ? registration : Decision.About(existing), now, out var present);
        if (decision.Records)
        {
            await new TreatyChange(decision).ExecuteAsync(session, outbox, clock, scope.ServiceProvider.GetServices<IOnRecorded>());
            await session.SaveChangesAsync(cancellation);
        }
        var entries = seed.Events.Select(e => SeedFile.EventIdOf(treatyId, e)).ToHashSet();
        var recorded = decision.Recorded.Count(f => entries.Contains(f.Id));
        logger.LogInformation("Seeded {Treaty} from {File}: {Recorded} events recorded, {Present} already present",
            treatyId, Path.GetFileName(path), recorded, present);
        return new SeedResult(treatyId, existing is null, recorded, present);
    }
}
