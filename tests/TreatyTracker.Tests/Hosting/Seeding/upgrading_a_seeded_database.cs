using System.Text.Json.Nodes;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Seeding;

/// <summary>
/// A database seeded by the release of 2026-12-01 (its seed files are kept beside this test) is brought to this
/// release's corrected record through retractions and corrections, and gains the treaties this release adds: it then
/// answers as a database seeded afresh does, and keeps what it said before, retracted.
/// </summary>
public class upgrading_a_seeded_database(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string EarlierSeeds = Path.Combine(RepositoryRoot.Path, "tests", "TreatyTracker.Tests", "Hosting", "Seeding", "seeds-of-2026-12-01");
    private static readonly string CurrentSeeds = Path.Combine(RepositoryRoot.Path, "seeds");
    /// <summary>The treaties the earlier release seeded.</summary>
    private static readonly string[] Treaties = [.. Directory.GetFiles(EarlierSeeds, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!];

    private SeedLoader LoaderOf(string directory) => new(Store, Host.Services.GetRequiredService<IServiceScopeFactory>(),
        TimeProvider.System, new SeedOptions(directory, LoadOnStart: false), NullLogger<SeedLoader>.Instance);

    private async Task<Dictionary<string, JsonNode?>> AnswersAsync() =>
        await AnonymousApi.AnswersAsync(await AnonymousApi.StatusQuestionsAsync(Seeds.TreatyIds));

    [Fact]
    public async Task ends_with_the_corrected_record_and_the_old_entries_retracted()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await LoaderOf(CurrentSeeds).LoadAllAsync(cancellation);
        var seededAfresh = await AnswersAsync();

        await Host.ResetAllMartenDataAsync();
        await LoaderOf(EarlierSeeds).LoadAllAsync(cancellation);
        var earlierEntries = new Dictionary<string, List<string>>();
        foreach (var treaty in Treaties)
            earlierEntries[treaty] = (await AnonymousApi.GetAsync($"/api/treaties/{treaty}/events")).Body!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        var upgraded = await LoaderOf(CurrentSeeds).LoadSeededAsync(cancellation);

        Assert.Equal(Seeds.TreatyIds, upgraded.Select(r => r.TreatyId).Order(StringComparer.Ordinal));
        Assert.Equal(Seeds.TreatyIds.Except(Treaties), upgraded.Where(r => r.Registered).Select(r => r.TreatyId).Order(StringComparer.Ordinal));
        Scenarios.AssertSameAnswers(seededAfresh, await AnswersAsync(), "after the upgrade", ofAnotherRecord: true);
        foreach (var treaty in Treaties)
        {
            var events = (await AnonymousApi.GetAsync($"/api/treaties/{treaty}/events")).Body!.AsArray().Select(e => e!).ToList();
            Assert.True(events.Count > earlierEntries[treaty].Count, $"{treaty}: nothing was added");
            // Each entry of the earlier release stands only if this release's seed repeats it unchanged.
            foreach (var id in earlierEntries[treaty])
            {
                var entry = events.Single(e => e["id"]!.GetValue<string>() == id);
                if (!entry["retracted"]!.GetValue<bool>()) Assert.Contains(id, SeedIdsOf(treaty));
            }
        }

        var again = await LoaderOf(CurrentSeeds).LoadSeededAsync(cancellation);
        Assert.All(again, r => Assert.Equal(0, r.Recorded));
    }

    private static IReadOnlySet<string> SeedIdsOf(string treaty)
    {
        var seed = SeedFile.ReadAsync(Path.Combine(CurrentSeeds, $"{treaty}.json"), TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        return seed.Events.Select(e => SeedFile.EventIdOf(treaty, e).ToString()).ToHashSet();
    }
}
