using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Xunit;
using static TreatyTracker.Tests.Treaties.History;

namespace TreatyTracker.Tests.Treaties.Decisions;

public class deciding_to_record_an_event
{
    private static readonly Treaty InForce = Treaty(TreatyKind.Bilateral, "P6M")
        .With(Signed("1987-12-08", "United States", "Russia"), History.InForce("1988-06-01"));

    private static readonly DateTimeOffset Now = At("2026-12-01");

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Decision decision)
    {
        Assert.False(decision.Records);
        Assert.Null(decision.After);
        return Assert.IsType<Refusal>(decision.Refusal).Errors;
    }

    [Fact]
    public void a_withdrawal_notice_takes_effect_after_the_treaty_s_notice_period_unless_a_date_is_given()
    {
        var decision = RecordEvent.Decide(InForce, new RecordEventRequest { Type = "withdrawal-notice-given", On = D("2019-02-02"), Party = "United States" }, Now);

        var notice = Assert.IsType<WithdrawalNoticeGiven>(decision.Events()[0]);
        Assert.Equal(D("2019-08-02"), notice.EffectiveOn);
        Assert.Equal(D("2019-02-02"), notice.On);

        var explicitDate = RecordEvent.Decide(InForce, new RecordEventRequest
            { Type = "withdrawal-notice-given", On = D("2019-02-02"), Party = "United States", EffectiveOn = D("2019-09-01") }, Now);
        Assert.Equal(D("2019-09-01"), Assert.IsType<WithdrawalNoticeGiven>(explicitDate.Events()[0]).EffectiveOn);
    }

    [Fact]
    public void an_unknown_type_is_refused_naming_the_known_ones()
    {
        var errors = ErrorsOf(RecordEvent.Decide(InForce, new RecordEventRequest { Type = "withdrew", On = D("2019-01-01") }, Now));

        Assert.Contains("withdrawal-notice-given", errors["type"].Single());
    }

    [Fact]
    public void every_missing_or_misplaced_field_is_named()
    {
        var errors = ErrorsOf(RecordEvent.Decide(InForce, new RecordEventRequest { Type = "violation-alleged", Accuser = "Russia", Party = "Russia" }, Now));

        Assert.Equal(["accused", "on", "party"], errors.Keys.Order());
    }

    [Theory]
    [InlineData("month", "2013-05-17", "2013-05-01")]
    [InlineData("year", "2002-03-02", "2002-01-01")]
    public void a_date_known_only_to_the_month_or_year_must_be_its_first_day(string certainty, string on, string expected)
    {
        RecordEventRequest Statement(string day) => new() { Type = "statement", On = D(day), Certainty = certainty };

        var errors = ErrorsOf(RecordEvent.Decide(InForce, Statement(on), Now));
        Assert.Contains($"give {expected}", errors["on"].Single());

        var recorded = RecordEvent.Decide(InForce, Statement(expected), Now).Events()[0];
        Assert.Equal(certainty, recorded.Certainty.ToString()!.ToLowerInvariant());
    }

    [Fact]
    public void a_certainty_that_is_not_known_is_refused_and_day_is_the_default()
    {
        var errors = ErrorsOf(RecordEvent.Decide(InForce, new RecordEventRequest { Type = "statement", On = D("2019-01-01"), Certainty = "roughly" }, Now));
        Assert.Contains("day, month, year, unconfirmed", errors["certainty"].Single());

        Assert.Null(RecordEvent.Decide(InForce, new RecordEventRequest { Type = "statement", On = D("2019-01-01"), Certainty = "day" }, Now).Events()[0].Certainty);
    }

    [Fact]
    public void a_party_that_is_not_in_the_treaty_is_refused()
    {
        var errors = ErrorsOf(RecordEvent.Decide(InForce, new RecordEventRequest { Type = "participation-suspended", On = D("2019-01-01"), Party = "France" }, Now));

        Assert.Contains("'France' is not a signatory or party", errors["event"].Single());
    }

    [Fact]
    public void withdrawal_from_a_treaty_not_yet_in_force_is_refused()
    {
        var signedOnly = Treaty().With(Signed("1987-12-08", "United States", "Russia"));

        var errors = ErrorsOf(RecordEvent.Decide(signedOnly, new RecordEventRequest { Type = "withdrawal-notice-given", On = D("1988-01-01"), Party = "Russia" }, Now));

        Assert.Contains("only be given while the treaty is in force", errors["event"].Single());
    }

    [Fact]
    public void a_backdated_event_that_would_contradict_a_later_one_is_refused_naming_it()
    {
        var suspended = InForce.With(Suspended("2019-03-04", "Russia"));

        var errors = ErrorsOf(RecordEvent.Decide(suspended, new RecordEventRequest { Type = "terminated", On = D("2019-01-01") }, Now));

        Assert.Contains(errors["event"], message => message.StartsWith("it would contradict the 'participation-suspended' event of 2019-03-04"));
    }

    [Fact]
    public void only_an_event_of_the_same_treaty_that_is_not_yet_retracted_can_be_retracted()
    {
        var unknown = ErrorsOf(RecordEvent.Decide(InForce, new RecordEventRequest { Type = "event-retracted", On = D("2020-01-01"), EventId = Guid.NewGuid(), Reason = "wrong" }, Now));
        Assert.Contains("no event", unknown["eventId"].Single());

        var target = InForce.Facts[^1].Id;
        var retraction = RecordEvent.Decide(InForce, new RecordEventRequest { Type = "event-retracted", On = D("2020-01-01"), EventId = target, Reason = "wrong date" }, Now);
        var retracted = InForce.With(retraction.Events()[0]);
        var again = ErrorsOf(RecordEvent.Decide(retracted, new RecordEventRequest { Type = "event-retracted", On = D("2020-01-02"), EventId = target, Reason = "again" }, Now));
        Assert.Contains("already retracted", again["eventId"].Single());
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    public void a_source_url_must_be_absolute_http(string url)
    {
        var errors = ErrorsOf(RecordEvent.Decide(InForce, new RecordEventRequest
            { Type = "statement", On = D("2019-01-01"), Source = new CitationRequest("A source", url, null) }, Now));

        Assert.Contains("source.url", errors.Keys);
    }

    [Fact]
    public void text_longer_than_the_limit_is_refused()
    {
        var errors = ErrorsOf(RecordEvent.Decide(InForce, new RecordEventRequest { Type = "statement", On = D("2019-01-01"), Summary = new string('x', 2001) }, Now));

        Assert.Contains("summary", errors.Keys);
    }
}
