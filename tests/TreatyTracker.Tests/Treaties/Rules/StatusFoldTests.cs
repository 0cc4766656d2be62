using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Rules;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Rules;

public class the_status_rules
{
    private const string Us = "United States";
    private const string Ru = "Russia";

    private static readonly Treaty Inf = Treaty(TreatyKind.Bilateral, "P6M").With(
        Signed("1987-12-08", Us, Ru),
        InForce("1988-06-01"),
        Suspended("2019-02-02", Us),
        Notice("2019-02-02", Us, "2019-08-02"),
        Suspended("2019-03-04", Ru));

    [Fact]
    public void a_treaty_is_not_signed_before_its_signature_and_has_no_parties_yet()
    {
        var before = Inf.Fold().On(D("1987-12-07"));

        Assert.Equal(TreatyStatus.NotSigned, before.Status);
        Assert.Null(before.Since);
        Assert.Empty(before.Parties);
    }

    [Fact]
    public void signature_then_entry_into_force_make_signatories_then_parties()
    {
        var timeline = Inf.Fold();

        Assert.Equal(TreatyStatus.Signed, timeline.On(D("1988-01-01")).Status);
        Assert.All(timeline.On(D("1988-01-01")).Parties, p => Assert.Equal(PartyStatus.Signatory, p.Status));
        var inForce = timeline.On(D("1988-06-01"));
        Assert.Equal(TreatyStatus.InForce, inForce.Status);
        Assert.Equal(D("1988-06-01"), inForce.Since);
        Assert.All(inForce.Parties, p => Assert.Equal(PartyStatus.Party, p.Status));
    }

    [Fact]
    public void a_party_with_a_running_notice_is_withdrawing_even_while_suspended()
    {
        var snapshot = Inf.Fold().On(D("2019-05-01"));

        Assert.Equal(TreatyStatus.InForce, snapshot.Status);
        var us = snapshot.Parties.Single(p => p.Name == Us);
        Assert.Equal(PartyStatus.Withdrawing, us.Status);
        Assert.Equal(D("2019-08-02"), us.EffectiveOn);
        Assert.Equal(PartyStatus.Suspended, snapshot.Parties.Single(p => p.Name == Ru).Status);
        Assert.Contains(snapshot.PendingDeadlines, d => d.Kind == DeadlineKind.WithdrawalTakesEffect && d.On == D("2019-08-02") && d.Party == Us);
    }

    [Fact]
    public void a_withdrawal_takes_effect_on_its_effective_date_without_a_took_effect_event_and_ends_a_bilateral_treaty()
    {
        var after = Inf.Fold().On(D("2019-08-02"));

        Assert.Equal(TreatyStatus.Terminated, after.Status);
        Assert.Equal(D("2019-08-02"), after.Since);
        Assert.Equal(PartyStatus.Withdrawn, after.Parties.Single(p => p.Name == Us).Status);
        Assert.Equal(TreatyStatus.InForce, Inf.Fold().On(D("2019-08-01")).Status);
    }

    [Fact]
    public void a_withdrawal_recorded_as_taking_effect_as_well_counts_once()
    {
        var derivedOnly = Inf.Fold();
        var confirmed = Inf.With(TookEffect("2019-08-02", Us), Terminated("2019-08-02")).Fold();

        Assert.Empty(confirmed.Issues);
        Assert.Equal(derivedOnly.Treaty, confirmed.Treaty);
        Assert.Equal(
            derivedOnly.Parties.Single(p => p.Name == Us).Intervals,
            confirmed.Parties.Single(p => p.Name == Us).Intervals);
        Assert.Single(confirmed.Parties.Single(p => p.Name == Us).Intervals, i => i.Status == PartyStatus.Withdrawn);
    }

    [Fact]
    public void a_multilateral_treaty_stays_in_force_among_the_rest_when_a_party_withdraws()
    {
        var openSkies = Treaty(TreatyKind.Multilateral).With(
            Signed("1992-03-24", Us, Ru, "Canada", "Hungary"),
            InForce("2002-01-01"),
            Notice("2020-05-22", Us, "2020-11-22"),
            Notice("2021-06-18", Ru, "2021-12-18"));

        var snapshot = openSkies.Fold().On(D("2022-01-01"));

        Assert.Equal(TreatyStatus.InForce, snapshot.Status);
        Assert.Equal(PartyStatus.Withdrawn, snapshot.Parties.Single(p => p.Name == Us).Status);
        Assert.Equal(PartyStatus.Withdrawn, snapshot.Parties.Single(p => p.Name == Ru).Status);
        Assert.Equal(PartyStatus.Party, snapshot.Parties.Single(p => p.Name == "Canada").Status);
        Assert.Equal(PartyStatus.Withdrawn, openSkies.Fold().On(D("2021-06-01")).Parties.Single(p => p.Name == Us).Status);
    }

    [Fact]
    public void a_treaty_with_a_term_expires_at_entry_into_force_plus_the_term_or_at_its_extended_expiry()
    {
        var newStart = Treaty(TreatyKind.Bilateral, "P3M", "P10Y").With(Signed("2010-04-08", Us, Ru), InForce("2011-02-05"));
        Assert.Equal(TreatyStatus.Expired, newStart.Fold().On(D("2021-02-05")).Status);
        Assert.Equal(D("2021-02-05"), newStart.Fold().On(D("2020-01-01")).ExpiresOn);

        var extended = newStart.With(Extended("2021-02-03", "2026-02-05")).Fold();
        Assert.Equal(TreatyStatus.InForce, extended.On(D("2021-02-05")).Status);
        Assert.Equal(D("2021-02-05"), extended.On(D("2021-02-02")).ExpiresOn);
        Assert.Equal(D("2026-02-05"), extended.On(D("2021-02-03")).ExpiresOn);
        var expired = extended.On(D("2026-02-05"));
        Assert.Equal(TreatyStatus.Expired, expired.Status);
        Assert.Equal(D("2026-02-05"), expired.Since);
    }

    [Fact]
    public void a_treaty_terminated_before_its_term_runs_out_never_expires()
    {
        var timeline = Treaty(TreatyKind.Bilateral, "P3M", "P10Y")
            .With(Signed("2010-04-08", Us, Ru), InForce("2011-02-05"), Terminated("2015-01-01")).Fold();

        Assert.Equal(TreatyStatus.Terminated, timeline.On(D("2030-01-01")).Status);
        Assert.DoesNotContain(timeline.Deadlines, d => d.Kind == DeadlineKind.Expiry);
    }

    [Fact]
    public void the_order_of_recording_does_not_change_the_answer()
    {
        TreatyEvent[] facts =
        [
            Signed("1987-12-08", Us, Ru), InForce("1988-06-01"), Alleged("2014-07-29", Us, Ru),
            Suspended("2019-02-02", Us), Notice("2019-02-02", Us, "2019-08-02"), Suspended("2019-03-04", Ru),
            TookEffect("2019-08-02", Us), Terminated("2019-08-02")
        ];
        var inDateOrder = Treaty().With(facts).Fold();

        var random = new Random(20191);
        for (var run = 0; run < 50; run++)
        {
            var shuffled = Treaty().With(facts.OrderBy(_ => random.Next()).ToArray()).Fold();
            Assert.Equal(Describe(inDateOrder), Describe(shuffled));
            Assert.Empty(shuffled.Issues);
        }

        // Event ids differ between runs; the intervals themselves must not.
        static string Describe(TreatyTimeline timeline) => string.Join("|",
            timeline.Treaty.Select(i => $"treaty:{i.Status}:{i.From}:{i.To}").Concat(timeline.Parties.OrderBy(p => p.Name)
                .SelectMany(p => p.Intervals.Select(i => $"{p.Name}:{i.Status}:{i.From}:{i.To}:{i.EffectiveOn}"))));
    }

    [Fact]
    public void a_retracted_event_no_longer_counts()
    {
        var wrongNotice = Notice("2019-02-02", Us, "2019-08-02");
        var treaty = Treaty().With(Signed("1987-12-08", Us, Ru), InForce("1988-06-01"), wrongNotice);
        var noticeId = treaty.Facts[^1].Id;

        var retracted = treaty.With(new EventRetracted(noticeId, "wrong party") { On = D("2019-02-03") }).Fold();

        Assert.Equal(TreatyStatus.InForce, retracted.On(D("2020-01-01")).Status);
        Assert.All(retracted.On(D("2020-01-01")).Parties, p => Assert.Equal(PartyStatus.Party, p.Status));
    }

    [Fact]
    public void a_suspended_party_that_resumes_is_a_party_again()
    {
        var timeline = Treaty().With(Signed("2010-04-08", Us, Ru), InForce("2011-02-05"), Suspended("2023-02-28", Ru), Resumed("2024-01-01", Ru)).Fold();

        Assert.Equal(PartyStatus.Suspended, timeline.On(D("2023-06-01")).Parties.Single(p => p.Name == Ru).Status);
        var resumed = timeline.On(D("2024-01-01")).Parties.Single(p => p.Name == Ru);
        Assert.Equal(PartyStatus.Party, resumed.Status);
        Assert.Equal(D("2024-01-01"), resumed.Since);
    }

    [Fact]
    public void a_state_acceding_to_a_treaty_in_force_becomes_a_party_that_day()
    {
        var timeline = Treaty(TreatyKind.Multilateral).With(Signed("1992-03-24", Us, Ru), InForce("2002-01-01"), Acceded("2003-02-11", "Finland")).Fold();

        Assert.DoesNotContain(timeline.On(D("2003-02-10")).Parties, p => p.Name == "Finland");
        Assert.Equal(PartyStatus.Party, timeline.On(D("2003-02-11")).Parties.Single(p => p.Name == "Finland").Status);
    }

    [Theory]
    [InlineData("1987-12-01", "a treaty cannot enter into force before it is signed")]
    [InlineData("1987-12-08", null)]
    public void entry_into_force_before_signature_does_not_fit_the_record(string entryIntoForce, string? expectedIssue)
    {
        var timeline = Treaty().With(Signed("1987-12-08", Us, Ru), InForce(entryIntoForce)).Fold();

        if (expectedIssue is null) Assert.Empty(timeline.Issues);
        else Assert.Contains(timeline.Issues, i => i.Message == expectedIssue);
    }

    [Fact]
    public void facts_about_a_state_that_never_signed_do_not_fit_the_record()
    {
        var timeline = Treaty().With(Signed("1987-12-08", Us, Ru), InForce("1988-06-01"), Suspended("2019-01-01", "France")).Fold();

        Assert.Contains(timeline.Issues, i => i.Message.StartsWith("'France' is not a signatory or party"));
    }

    [Fact]
    public void notice_of_withdrawal_from_a_treaty_not_in_force_does_not_fit_the_record()
    {
        var timeline = Treaty().With(Signed("1987-12-08", Us, Ru), Notice("1988-01-01", Us, "1988-07-01")).Fold();

        Assert.Contains(timeline.Issues, i => i.Message.StartsWith("notice of withdrawal can only be given while the treaty is in force"));
        Assert.Equal(PartyStatus.Signatory, timeline.On(D("1988-03-01")).Parties.Single(p => p.Name == Us).Status);
    }
}
