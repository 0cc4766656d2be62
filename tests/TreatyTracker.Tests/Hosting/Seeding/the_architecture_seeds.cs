using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Hosting.Seeding;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Seeding;

/// <summary>The application with every seed file loaded once, explicitly, so that a seed the rules refuse fails here by name.</summary>
public sealed class SeedsLoaded(PostgresServer postgres) : AppFixture(postgres), IAsyncLifetime
{
    async ValueTask IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Host.Services.GetRequiredService<SeedLoader>().LoadAllAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>
/// The treaties of the US-Russia arms-control architecture answer, on the days of their transitions, what their seeded facts
/// say: every date asked and every status expected is read from the fact in seeds/ it follows from.
/// </summary>
public class the_architecture_seeds(SeedsLoaded app) : IClassFixture<SeedsLoaded>
{
    private readonly TreatyApi _api = new(app.Host.Server.CreateClient());

    /// <summary>The one seeded fact of a type (and party) in a treaty's seed file.</summary>
    private static SeedEntry Fact(string treaty, string type, string? party = null) =>
        Seeds.Of(treaty).Events.Single(e => e.Type == type && (party is null || e.Party == party || e.Successor == party || (e.Parties?.Contains(party) ?? false)));

    private async Task<JsonNode> OnAsync(string treaty, DateOnly day)
    {
        var answer = await _api.GetAsync($"/api/treaties/{treaty}/status?asOf={day:yyyy-MM-dd}");
        Assert.True(answer.Body is not null, $"{treaty} on {day:yyyy-MM-dd}: {answer.Status}");
        return answer.Body!;
    }

    private static string StatusOf(JsonNode answer) => answer["status"]!.GetValue<string>();

    private static JsonNode Party(JsonNode answer, string name) =>
        answer["parties"]!.AsArray().SingleOrDefault(p => p!["name"]!.GetValue<string>() == name)
        ?? throw new Xunit.Sdk.XunitException($"no party '{name}' on {answer["asOf"]}: {answer["parties"]!.ToJsonString()}");

    private static string StatusOf(JsonNode answer, string party) => Party(answer, party)["status"]!.GetValue<string>();

    private static DateOnly Day(JsonNode? node) => DateOnly.Parse(node!.GetValue<string>());

    private static DateOnly Term(string treaty, DateOnly from) => IsoPeriod.Parse(Seeds.Of(treaty).Treaty.Term!).TryAddTo(from)!.Value;

    [Fact]
    public async Task every_seeded_treaty_is_served()
    {
        var treaties = (await _api.GetAsync("/api/treaties")).Body!.AsArray();

        Assert.Equal(Seeds.TreatyIds, treaties.Select(t => t!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task abm_was_in_force_from_the_exchange_and_ended_with_the_us_withdrawal()
    {
        var inForce = Fact("abm", "entered-into-force").On!.Value;
        var continued = Fact("abm", "succeeded").On!.Value;
        var notice = Fact("abm", "withdrawal-notice-given");

        Assert.Equal("signed", StatusOf(await OnAsync("abm", inForce.AddDays(-1))));
        var first = await OnAsync("abm", inForce);
        Assert.Equal(("in-force", "party", "party"), (StatusOf(first), StatusOf(first, "United States"), StatusOf(first, "USSR")));
        Assert.Equal("party", StatusOf(await OnAsync("abm", continued), "Russia"));

        var withdrawing = Party(await OnAsync("abm", notice.On!.Value), "United States");
        Assert.Equal(("withdrawing", notice.EffectiveOn), (withdrawing["status"]!.GetValue<string>(), Day(withdrawing["effectiveOn"])));
        Assert.Equal("in-force", StatusOf(await OnAsync("abm", notice.EffectiveOn!.Value.AddDays(-1))));
        var ended = await OnAsync("abm", notice.EffectiveOn!.Value);
        Assert.Equal(("terminated", notice.EffectiveOn!.Value), (StatusOf(ended), Day(ended["since"])));
        Assert.Equal(("withdrawn", "terminated"), (StatusOf(ended, "United States"), StatusOf(ended, "Russia")));
        Assert.Equal("party", Party(ended, "Russia")["before"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_salt_i_interim_agreement_expired_at_the_end_of_its_term()
    {
        var inForce = Fact("salt-i", "entered-into-force").On!.Value;
        var expired = Fact("salt-i", "expired").On!.Value;
        Assert.Equal(Term("salt-i", inForce), expired);

        var during = await OnAsync("salt-i", expired.AddDays(-1));
        Assert.Equal(("in-force", expired), (StatusOf(during), Day(during["expiresOn"])));
        var after = await OnAsync("salt-i", expired);
        Assert.Equal(("expired", "expired"), (StatusOf(after), StatusOf(after, "USSR")));
    }

    [Fact]
    public async Task salt_ii_was_signed_never_in_force_and_abandoned()
    {
        var signed = Fact("salt-ii", "signed").On!.Value;
        var abandoned = Fact("salt-ii", "abandoned").On!.Value;

        var before = await OnAsync("salt-ii", abandoned.AddDays(-1));
        Assert.Equal(("signed", signed), (StatusOf(before), Day(before["since"])));
        Assert.Equal("signatory", StatusOf(before, "United States"));
        Assert.NotEmpty(before["allegations"]!.AsArray());
        var after = await OnAsync("salt-ii", abandoned);
        Assert.Equal(("abandoned", abandoned), (StatusOf(after), Day(after["since"])));
        Assert.All(after["parties"]!.AsArray(), p => Assert.Equal("abandoned", p!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task start_i_gained_three_successors_beside_russia_and_expired_after_fifteen_years()
    {
        var lisbon = Fact("start-i", "succeeded", "Ukraine").On!.Value;
        var inForce = Fact("start-i", "entered-into-force").On!.Value;
        var expired = Fact("start-i", "expired").On!.Value;
        Assert.Equal(Term("start-i", inForce), expired);

        Assert.Equal(["Russia", "United States"], (await OnAsync("start-i", lisbon.AddDays(-1)))["parties"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order());
        var atLisbon = await OnAsync("start-i", lisbon);
        var ukraine = Party(atLisbon, "Ukraine");
        Assert.Equal(("signatory", "USSR"), (ukraine["status"]!.GetValue<string>(), ukraine["successorOf"]!.GetValue<string>()));
        Assert.Equal("signatory", StatusOf(atLisbon, "Russia"));
        Assert.Null(Party(atLisbon, "Russia")["succeededBy"]);

        var binding = await OnAsync("start-i", inForce);
        Assert.Equal("in-force", StatusOf(binding));
        Assert.Equal(5, binding["parties"]!.AsArray().Count(p => p!["status"]!.GetValue<string>() == "party"));
        Assert.Equal("in-force", StatusOf(await OnAsync("start-i", expired.AddDays(-1))));
        var after = await OnAsync("start-i", expired);
        Assert.Equal(("expired", expired), (StatusOf(after), Day(after["since"])));
        Assert.Equal("expired", StatusOf(after, "Kazakhstan"));
    }

    [Fact]
    public async Task start_ii_was_renounced_by_russia_and_then_abandoned_without_entering_into_force()
    {
        var renounced = Fact("start-ii", "signature-renounced").On!.Value;
        var abandoned = Fact("start-ii", "abandoned").On!.Value;

        var before = await OnAsync("start-ii", renounced.AddDays(-1));
        Assert.Equal(("signed", "signatory", "signatory"), (StatusOf(before), StatusOf(before, "Russia"), StatusOf(before, "United States")));
        var renouncing = await OnAsync("start-ii", renounced);
        Assert.Equal(("signed", "renounced", "signatory"), (StatusOf(renouncing), StatusOf(renouncing, "Russia"), StatusOf(renouncing, "United States")));
        var after = await OnAsync("start-ii", abandoned);
        Assert.Equal(("abandoned", "abandoned"), (StatusOf(after), StatusOf(after, "United States")));
    }

    [Fact]
    public async Task sort_was_in_force_until_new_start_superseded_it()
    {
        var inForce = Fact("sort", "entered-into-force").On!.Value;
        var superseded = Fact("sort", "superseded");

        Assert.Equal("signed", StatusOf(await OnAsync("sort", inForce.AddDays(-1))));
        Assert.Equal(("in-force", "party"), (StatusOf(await OnAsync("sort", inForce)), StatusOf(await OnAsync("sort", inForce), "Russia")));
        var after = await OnAsync("sort", superseded.On!.Value);
        Assert.Equal(("superseded", superseded.By), (StatusOf(after), after["supersededBy"]!.GetValue<string>()));
        Assert.Equal("superseded", StatusOf(after, "United States"));
        Assert.Equal("in-force", StatusOf(await OnAsync("new-start", superseded.On!.Value)));
    }

    [Fact]
    public async Task cfe_parties_join_succeed_and_suspend_on_their_own_days_and_russia_withdraws()
    {
        var provisional = Fact("cfe", "provisionally-applied").On!.Value;
        var inForce = Fact("cfe", "entered-into-force").On!.Value;
        var czech = Fact("cfe", "succeeded", "Czech Republic").On!.Value;
        var armenia = Fact("cfe", "succeeded", "Armenia").On!.Value;
        var russiaSuspends = Fact("cfe", "participation-suspended", "Russia").On!.Value;
        var notice = Fact("cfe", "withdrawal-notice-given", "Russia");
        var canada = Seeds.Of("cfe").Events.Single(e => e is { Type: "participation-suspended", Party: "Canada", Toward: null }).On!.Value;

        Assert.Equal("provisionally-applied", StatusOf(await OnAsync("cfe", provisional)));
        var atArmenia = Party(await OnAsync("cfe", armenia), "Armenia");
        Assert.Equal(("signatory", "USSR"), (atArmenia["status"]!.GetValue<string>(), atArmenia["successorOf"]!.GetValue<string>()));
        var bound = await OnAsync("cfe", inForce);
        Assert.Equal(("in-force", "party", "party", "party"), (StatusOf(bound), StatusOf(bound, "Czechoslovakia"), StatusOf(bound, "Russia"), StatusOf(bound, "Armenia")));
        var split = await OnAsync("cfe", czech);
        Assert.Equal(("party", "Czechoslovakia", "succeeded"),
            (StatusOf(split, "Czech Republic"), Party(split, "Czech Republic")["successorOf"]!.GetValue<string>(), StatusOf(split, "Czechoslovakia")));

        Assert.Equal("party", StatusOf(await OnAsync("cfe", russiaSuspends.AddDays(-1)), "Russia"));
        Assert.Equal("suspended", StatusOf(await OnAsync("cfe", russiaSuspends), "Russia"));
        var withdrawing = Party(await OnAsync("cfe", notice.On!.Value), "Russia");
        Assert.Equal(("withdrawing", notice.EffectiveOn), (withdrawing["status"]!.GetValue<string>(), Day(withdrawing["effectiveOn"])));
        var gone = await OnAsync("cfe", notice.EffectiveOn!.Value);
        Assert.Equal(("in-force", "withdrawn"), (StatusOf(gone), StatusOf(gone, "Russia")));

        Assert.Equal("party", StatusOf(await OnAsync("cfe", canada.AddDays(-1)), "Canada"));
        Assert.Equal("suspended", StatusOf(await OnAsync("cfe", canada), "Canada"));
    }

    [Theory]
    [InlineData("United States")]
    [InlineData("Czech Republic")]
    [InlineData("Poland")]
    [InlineData("United Kingdom")]
    [InlineData("Belarus")]
    public async Task a_cfe_suspension_toward_some_parties_only_leaves_the_others_parties_until_it_is_widened_to_all_or_lapses(string suspending)
    {
        var events = Seeds.Of("cfe").Events;
        var suspensions = events.Where(e => e.Type == "participation-suspended" && e.Party == suspending).OrderBy(e => e.On).ToList();
        var all = suspensions.First(e => e.Toward is null);
        var some = suspensions.Where(e => e.Toward is not null && e.On < all.On).ToList();
        Assert.NotEmpty(some);
        var toward = some.SelectMany(e => e.Toward!).Distinct().ToList();
        const string bystander = "Armenia";

        Assert.NotEqual("suspended", StatusOf(await OnAsync("cfe", some[0].On!.Value.AddDays(-1)), suspending));
        var toSome = await OnAsync("cfe", some[0].On!.Value);
        Assert.Equal("suspended", StatusOf(toSome, suspending));
        Assert.Equal(some[0].Toward!, Party(toSome, suspending)["toward"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("party", StatusOf(toSome, bystander));

        // The day before the widening: still suspended toward those named, unless every one of them had left the treaty by then.
        var dayBefore = all.On!.Value.AddDays(-1);
        var left = events.Where(e => e.Type == "withdrawal-took-effect" && e.On <= dayBefore).Select(e => e.Party).ToHashSet();
        var before = Party(await OnAsync("cfe", dayBefore), suspending);
        if (toward.All(left.Contains))
        {
            Assert.Equal("party", before["status"]!.GetValue<string>());
            Assert.Equal("suspension-lapsed", before["before"]!["endedBy"]!.GetValue<string>());
            Assert.Equal(toward, before["before"]!["toward"]!.AsArray().Select(t => t!.GetValue<string>()));
        }
        else Assert.Equal(toward, before["toward"]!.AsArray().Select(t => t!.GetValue<string>()));

        var toAll = Party(await OnAsync("cfe", all.On!.Value), suspending);
        Assert.Equal(("suspended", all.On!.Value), (toAll["status"]!.GetValue<string>(), Day(toAll["since"])));
        Assert.Null(toAll["toward"]);
    }

    [Fact]
    public async Task poland_s_objection_to_belarus_s_suspension_is_listed_from_its_day_and_changes_no_status()
    {
        var objection = Fact("cfe", "objection", "Poland");

        Assert.Empty((await OnAsync("cfe", objection.On!.Value.AddDays(-1)))["objections"]!.AsArray());
        var on = await OnAsync("cfe", objection.On!.Value);
        var listed = Assert.Single(on["objections"]!.AsArray());
        Assert.Equal("Poland", listed!["party"]!.GetValue<string>());
        Assert.Equal(objection.Toward!, listed["toward"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(StatusOf(await OnAsync("cfe", objection.On!.Value.AddDays(-1)), "Belarus"), StatusOf(on, "Belarus"));
    }

    [Fact]
    public async Task the_adapted_cfe_agreement_stays_signed_with_russia_s_ratification()
    {
        var ratified = Fact("adapted-cfe", "ratified", "Russia");

        var after = await OnAsync("adapted-cfe", ratified.On!.Value);
        Assert.Equal(("signed", "ratified", "signatory"), (StatusOf(after), StatusOf(after, "Russia"), StatusOf(after, "United States")));
        Assert.Equal("unconfirmed", Party(after, "Russia")["sinceCertainty"]!.GetValue<string>());
    }

    [Fact]
    public async Task ctbt_russia_had_ratified_until_it_revoked_its_ratification_and_the_treaty_never_entered_into_force()
    {
        var ratified = Fact("ctbt", "ratified", "Russia").On!.Value;
        var revoked = Fact("ctbt", "ratification-revoked", "Russia").On!.Value;

        var in2010 = await OnAsync("ctbt", new DateOnly(2010, 1, 1));
        Assert.True(ratified < new DateOnly(2010, 1, 1) && new DateOnly(2010, 1, 1) < revoked);
        Assert.Equal(("signed", "ratified", "signatory"), (StatusOf(in2010), StatusOf(in2010, "Russia"), StatusOf(in2010, "United States")));
        Assert.Equal("ratified", StatusOf(await OnAsync("ctbt", revoked.AddDays(-1)), "Russia"));
        var after = await OnAsync("ctbt", revoked);
        Assert.Equal(("signed", "signatory", revoked), (StatusOf(after), StatusOf(after, "Russia"), Day(Party(after, "Russia")["since"])));
        Assert.Equal(2, after["parties"]!.AsArray().Count);
    }

    [Fact]
    public async Task the_pmda_was_applied_provisionally_from_signature_and_ended_after_russia_s_denunciation()
    {
        var provisional = Fact("pmda", "provisionally-applied").On!.Value;
        var inForce = Fact("pmda", "entered-into-force").On!.Value;
        var suspended = Fact("pmda", "participation-suspended", "Russia").On!.Value;
        var denounced = Fact("pmda", "withdrawal-announced", "Russia").On!.Value;
        var ended = Fact("pmda", "terminated").On!.Value;

        Assert.Equal(["signatory", "signed"], new[] { StatusOf(await OnAsync("pmda", provisional.AddDays(-1)), "Russia"), StatusOf(await OnAsync("pmda", provisional.AddDays(-1))) });
        var applied = await OnAsync("pmda", inForce.AddDays(-1));
        Assert.Equal(("provisionally-applied", "provisionally-applying"), (StatusOf(applied), StatusOf(applied, "Russia")));
        Assert.Equal("party", StatusOf(await OnAsync("pmda", suspended.AddDays(-1)), "Russia"));
        Assert.Equal("suspended", StatusOf(await OnAsync("pmda", suspended), "Russia"));
        var afterLaw = await OnAsync("pmda", denounced);
        Assert.Equal(("in-force", "suspended", "party"), (StatusOf(afterLaw), StatusOf(afterLaw, "Russia"), StatusOf(afterLaw, "United States")));
        var end = await OnAsync("pmda", ended);
        Assert.Equal(("terminated", "terminated", "terminated"), (StatusOf(end), StatusOf(end, "Russia"), StatusOf(end, "United States")));
        Assert.Equal("suspended", Party(end, "Russia")["before"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Belarus", "2010-06-01")]
    [InlineData("Russia", "2015-01-01")]
    [InlineData("United States", "2018-06-01")]
    public async Task a_state_s_view_shows_only_the_deadlines_set_by_then_as_each_treaty_s_status_does(string state, string asOf)
    {
        var view = (await _api.GetAsync($"/api/states/{Uri.EscapeDataString(state)}?asOf={asOf}")).Body!;

        foreach (var treaty in view["treaties"]!.AsArray())
        {
            var status = await OnAsync(treaty!["treatyId"]!.GetValue<string>(), DateOnly.Parse(asOf));
            var pending = status["pendingDeadlines"]!.AsArray();
            Assert.True(JsonNode.DeepEquals(pending.FirstOrDefault(), treaty["nextDeadline"]),
                $"{state} on {asOf}, {treaty["treatyId"]}: the view says {treaty["nextDeadline"]?.ToJsonString() ?? "none"}, the treaty's status {pending.ToJsonString()}");
        }
        Assert.Contains(view["treaties"]!.AsArray(), t => t!["treatyId"]!.GetValue<string>() is "cfe" or "open-skies" or "inf");
    }

    [Fact]
    public async Task the_ctbt_and_the_cwc_say_they_follow_only_two_states_and_russia_s_ctbt_ratification_shows_as_revoked()
    {
        foreach (var treaty in new[] { "ctbt", "cwc" })
        {
            var scope = (await OnAsync(treaty, new DateOnly(2026, 12, 1)))["scope"]!;
            Assert.False(scope["complete"]!.GetValue<bool>());
            Assert.Equal(["United States", "Russia"], scope["follows"]!.AsArray().Select(s => s!.GetValue<string>()));
            Assert.Equal("This record follows only United States and Russia: the acts of other states are not recorded.", scope["description"]!.GetValue<string>());
        }
        Assert.True((await OnAsync("inf", new DateOnly(2019, 1, 1)))["scope"]!["complete"]!.GetValue<bool>());

        var revocation = Fact("ctbt", "ratification-revoked");
        var russia = Party(await OnAsync("ctbt", revocation.On!.Value), "Russia");
        Assert.Equal(("signatory", revocation.On!.Value), (russia["status"]!.GetValue<string>(), Day(russia["since"])));
        Assert.Equal(("ratified", Fact("ctbt", "ratified", "Russia").On!.Value, "ratification-revoked"),
            (russia["before"]!["status"]!.GetValue<string>(), Day(russia["before"]!["since"]), russia["before"]!["endedBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_diff_shows_a_suspension_widening_from_some_parties_to_all()
    {
        var diff = (await _api.GetAsync("/api/treaties/cfe/diff?from=2023-01-01&to=2024-06-01")).Body!;

        var czech = diff["transitions"]!.AsArray().Single(t => t!["party"]?.GetValue<string>() == "Czech Republic");
        Assert.Equal(("suspended", "suspended"), (czech!["from"]!.GetValue<string>(), czech["to"]!.GetValue<string>()));
        Assert.Equal(["Russia", "Belarus"], czech["fromToward"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Null(czech["toward"]);
    }

    [Fact]
    public async Task georgia_s_open_skies_suspension_toward_russia_lapsed_when_russia_left()
    {
        var russiaLeft = (await OnAsync("open-skies", new DateOnly(2024, 1, 1)));
        var georgia = Party(russiaLeft, "Georgia");
        var russia = Party(russiaLeft, "Russia");

        Assert.Equal("withdrawn", russia["status"]!.GetValue<string>());
        Assert.Equal(("party", Day(russia["since"])), (georgia["status"]!.GetValue<string>(), Day(georgia["since"])));
        Assert.Equal(("suspended", "suspension-lapsed"), (georgia["before"]!["status"]!.GetValue<string>(), georgia["before"]!["endedBy"]!.GetValue<string>()));
        Assert.DoesNotContain(russiaLeft["parties"]!.AsArray(), p => p!["status"]!.GetValue<string>() == "suspended");
    }

    [Fact]
    public async Task cfe_today_shows_every_nato_state_party_suspended_with_the_day_and_a_source()
    {
        string[] nato = ["Belgium", "Bulgaria", "Canada", "Czech Republic", "Denmark", "France", "Germany", "Greece", "Hungary", "Iceland", "Italy",
            "Luxembourg", "Netherlands", "Norway", "Poland", "Portugal", "Romania", "Slovakia", "Spain", "Turkey", "United Kingdom", "United States"];
        var today = await OnAsync("cfe", new DateOnly(2026, 12, 1));
        foreach (var state in nato)
        {
            var party = Party(today, state);
            Assert.True(party["status"]!.GetValue<string>() == "suspended", $"{state} is {party["status"]} in the CFE on 2026-12-01");
            Assert.Null(party["toward"]);
            var since = Day(party["since"]);
            var cause = Seeds.Of("cfe").Events.Single(e => e is { Type: "participation-suspended", Toward: null } && e.Party == state);
            Assert.Equal(cause.On, since);
            Assert.StartsWith("https://", cause.Source!.Url);
        }
    }

    [Fact]
    public async Task the_launch_notification_agreement_has_been_in_force_since_its_signature_russia_continuing_the_ussr()
    {
        var signed = Fact("bmlna", "signed").On!.Value;
        Assert.Equal(signed, Fact("bmlna", "entered-into-force").On);
        var lastFact = Seeds.Of("bmlna").Events.Max(e => e.On!.Value);

        Assert.Equal("not-signed", StatusOf(await OnAsync("bmlna", signed.AddDays(-1))));
        Assert.Equal(("in-force", "party"), (StatusOf(await OnAsync("bmlna", signed)), StatusOf(await OnAsync("bmlna", signed), "USSR")));
        var latest = await OnAsync("bmlna", lastFact);
        Assert.Equal(("in-force", "party", signed), (StatusOf(latest), StatusOf(latest, "Russia"), Day(latest["since"])));
    }

    [Fact]
    public async Task the_cwc_bound_the_united_states_from_its_entry_into_force_and_russia_from_its_own()
    {
        var inForce = Fact("cwc", "entered-into-force", "United States").On!.Value;
        var russiaRatified = Fact("cwc", "ratified", "Russia").On!.Value;
        var russiaBound = Seeds.Of("cwc").Events.Single(e => e is { Type: "entered-into-force", Party: "Russia" }).On!.Value;

        var atEntry = await OnAsync("cwc", inForce);
        Assert.Equal(("in-force", "party", "signatory"), (StatusOf(atEntry), StatusOf(atEntry, "United States"), StatusOf(atEntry, "Russia")));
        Assert.Equal("ratified", StatusOf(await OnAsync("cwc", russiaRatified), "Russia"));
        Assert.Equal("ratified", StatusOf(await OnAsync("cwc", russiaBound.AddDays(-1)), "Russia"));
        Assert.Equal("party", StatusOf(await OnAsync("cwc", russiaBound), "Russia"));
        Assert.Equal(2, atEntry["parties"]!.AsArray().Count);
    }
}
