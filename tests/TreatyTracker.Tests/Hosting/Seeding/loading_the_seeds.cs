using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Seeding;

public class loading_the_seeds(AppFixture fixture) : IntegrationContext(fixture)
{
    private SeedLoader Loader => Host.Services.GetRequiredService<SeedLoader>();

    private static IEnumerable<JsonNode> Parties(ApiResponse treaty) => treaty.Body.At("parties")!.AsArray()!.Select(p => p!);

    private static string StatusOf(ApiResponse treaty, string party) =>
        Parties(treaty).Single(p => p["name"]!.GetValue<string>() == party)["status"]!.GetValue<string>();

    [Fact]
    public async Task gives_the_three_treaties_their_documented_state()
    {
        await Loader.LoadAllAsync(TestContext.Current.CancellationToken);

        var inf = await Api.GetAsync("/api/treaties/inf");
        Assert.Equal(("terminated", "2019-08-02"), (inf.Text("status"), inf.Text("since")));
        Assert.Equal("withdrawn", StatusOf(inf, "United States"));
        Assert.Equal("terminated", StatusOf(inf, "Russia"));

        // A treaty that has ended has no party standing in it: each shows the end, and where it stood before.
        var newStart = await Api.GetAsync("/api/treaties/new-start");
        Assert.Equal(("expired", "2026-02-05"), (newStart.Text("status"), newStart.Text("since")));
        Assert.All(Parties(newStart), p => Assert.Equal("expired", p["status"]!.GetValue<string>()));
        var russia = Parties(newStart).Single(p => p["name"]!.GetValue<string>() == "Russia");
        Assert.Equal(("suspended", "2023-02-28"), (russia["before"]!["status"]!.GetValue<string>(), russia["before"]!["since"]!.GetValue<string>()));

        var openSkies = await Api.GetAsync("/api/treaties/open-skies");
        Assert.Equal("in-force", openSkies.Text("status"));
        Assert.Equal("withdrawn", StatusOf(openSkies, "United States"));
        Assert.Equal("withdrawn", StatusOf(openSkies, "Russia"));
        // 34 states parties at the peak, 32 after the two withdrawals (Georgia's suspension toward Russia keeps it a state party).
        Assert.Equal(32, Parties(openSkies).Count(p => p["status"]!.GetValue<string>() is "party" or "suspended"));
        Assert.Equal("signatory", StatusOf(openSkies, "Kyrgyzstan"));
        Assert.Equal("succeeded", StatusOf(openSkies, "Czechoslovakia"));
    }

    [Fact]
    public async Task name_each_state_as_it_was_on_the_day_asked()
    {
        await Loader.LoadAllAsync(TestContext.Current.CancellationToken);

        var in1988 = await Api.GetAsync("/api/treaties/inf/status?asOf=1988-06-01");
        Assert.Equal(["USSR", "United States"], Parties(in1988).Select(p => p["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal("party", StatusOf(in1988, "USSR"));
        var in2019 = await Api.GetAsync("/api/treaties/inf/status?asOf=2019-08-01");
        var russia = Parties(in2019).Single(p => p["name"]!.GetValue<string>() == "Russia");
        Assert.Equal(["USSR", "Russia"], russia["names"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()));

        var againstTheUssr = (await Api.GetAsync("/api/allegations?treaty=inf&accused=USSR")).Body!.AsArray();
        var againstRussia = (await Api.GetAsync("/api/allegations?treaty=inf&accused=Russia")).Body!.AsArray();
        Assert.NotEmpty(againstRussia);
        Assert.Equal(againstRussia.Count, againstTheUssr.Count);
    }

    [Fact]
    public async Task give_each_open_skies_accession_its_own_deposit_and_entry_into_force()
    {
        await Loader.LoadAllAsync(TestContext.Current.CancellationToken);

        var deposited = await Api.GetAsync("/api/treaties/open-skies/status?asOf=2005-06-01");
        Assert.NotEqual("party", StatusOf(deposited, "Lithuania"));
        var inForce = await Api.GetAsync("/api/treaties/open-skies/status?asOf=2005-07-08");
        Assert.Equal("party", StatusOf(inForce, "Lithuania"));
        Assert.Equal("2005-07-08", Parties(inForce).Single(p => p["name"]!.GetValue<string>() == "Lithuania")["since"]!.GetValue<string>());
    }

    [Fact]
    public async Task give_the_history_analysts_ask_about()
    {
        await Loader.LoadAllAsync(TestContext.Current.CancellationToken);

        var inf = await Api.GetAsync("/api/treaties/inf/history");
        var us = inf.Body.At("parties")!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "United States")!;
        var withdrawing = us["intervals"]!.AsArray().Single(i => i!["status"]!.GetValue<string>() == "withdrawing")!;
        Assert.Equal(("2019-02-02", "2019-08-02", "2019-08-02"),
            (withdrawing["from"]!.GetValue<string>(), withdrawing["to"]!.GetValue<string>(), withdrawing["effectiveOn"]!.GetValue<string>()));
        var russia = inf.Body.At("parties")!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "Russia")!;
        Assert.Equal("2019-03-04", russia["intervals"]!.AsArray().Single(i => i!["status"]!.GetValue<string>() == "suspended")!["from"]!.GetValue<string>());

        var newStart = await Api.GetAsync("/api/treaties/new-start/history");
        Assert.Equal(["not-signed", "signed", "in-force", "expired"],
            newStart.Body.At("intervals")!.AsArray().Select(i => i!["status"]!.GetValue<string>()));
        Assert.All(newStart.Body.At("events")!.AsArray(), e => Assert.NotNull(e!["on"]));
    }

    [Fact]
    public async Task loading_twice_changes_nothing()
    {
        var first = await Loader.LoadAllAsync(TestContext.Current.CancellationToken);
        var stored = await StoredEventCountAsync();

        var second = await Loader.LoadAllAsync(TestContext.Current.CancellationToken);

        Assert.Equal(stored, await StoredEventCountAsync());
        Assert.All(second, r => Assert.Equal((false, 0), (r.Registered, r.Recorded)));
        Assert.Equal(first.Sum(r => r.Recorded), second.Sum(r => r.AlreadyPresent));
    }

    [Fact]
    public async Task a_seed_event_the_rules_refuse_stops_that_file_with_its_place_named_and_stores_nothing_of_it()
    {
        var directory = Directory.CreateTempSubdirectory("seeds-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "bad.json"), """
            {"treaty":{"id":"bad","name":"Bad","shortName":"Bad","kind":"bilateral","withdrawalNoticePeriod":"P6M"},
             "events":[{"type":"signed","on":"2000-01-01","parties":["A","B"]},
                       {"type":"entered-into-force","on":"1999-01-01"}]}
            """, TestContext.Current.CancellationToken);
        var loader = new SeedLoader(Store, Host.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, new SeedOptions(directory, false), NullLogger<SeedLoader>.Instance);

        var error = await Assert.ThrowsAsync<SeedException>(() => loader.LoadAllAsync(TestContext.Current.CancellationToken));

        Assert.Contains("bad.json", error.Message);
        Assert.Contains("event #2 (entered-into-force on 1999-01-01)", error.Message);
        Assert.Equal(0, await StoredEventCountAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await Api.GetAsync("/api/treaties/bad")).Status);
    }
}
