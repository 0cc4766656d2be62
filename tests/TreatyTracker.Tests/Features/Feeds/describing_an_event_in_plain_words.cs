using System.Text.Json;
using TreatyTracker.Features.Feeds;
using TreatyTracker.Features.Recording;
using TreatyTracker.Http;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Xunit;

namespace TreatyTracker.Tests.Features.Feeds;

/// <summary>The words a feed entry's title gives an event: every type of the catalogue has its own, naming each state and the day.</summary>
public class describing_an_event_in_plain_words
{
    private static readonly Treaty Inf = Treaty.Register(new TreatyRegistered
        { TreatyId = "inf", Name = "INF Treaty", ShortName = "INF", Kind = TreatyKind.Bilateral, WithdrawalNoticePeriod = new IsoPeriod(0, 6, 0) },
        DateTimeOffset.UnixEpoch);

    public static TheoryData<string> Types => [.. RecordEventExamplesAttribute.Bodies.Keys];

    private static TreatyEvent Example(string type)
    {
        var request = JsonSerializer.Deserialize<RecordEventRequest>(RecordEventExamplesAttribute.Bodies[type], ApiJson.Options)!;
        return EventRequestMapping.ToEvent(request, Inf).Event!;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void every_type_has_words_of_its_own_naming_each_state_and_the_day(string type)
    {
        var fact = Example(type);

        var words = EventWords.Of(fact);

        if (type.Contains('-')) Assert.DoesNotContain(type, words);
        Assert.EndsWith(EventWords.When(fact), words.Split(", ")[0]);
        Assert.All(NamedStates.Of(fact), state => Assert.Contains(state, words));
    }

    [Theory]
    [InlineData(null, "on 2019-02-02")]
    [InlineData(DateCertainty.Day, "on 2019-02-02")]
    [InlineData(DateCertainty.Month, "in 2019-02 (month only)")]
    [InlineData(DateCertainty.Year, "in 2019 (year only)")]
    [InlineData(DateCertainty.Unconfirmed, "on 2019-02-02 (unconfirmed)")]
    public void the_day_is_as_sure_as_the_record_is_of_it(DateCertainty? certainty, string when)
    {
        var notice = new WithdrawalNoticeGiven("United States", new DateOnly(2019, 8, 2)) { On = new DateOnly(2019, 2, 2), Certainty = certainty };

        Assert.Equal($"United States gave withdrawal notice {when}, effective 2019-08-02", EventWords.Of(notice));
    }

    [Fact]
    public void a_retraction_names_what_it_retracts_when_the_record_has_it()
    {
        var target = Example("participation-suspended");
        var retraction = new EventRetracted(Guid.CreateVersion7(), "recorded in error") { On = new DateOnly(2024, 1, 16) };

        Assert.Equal($"retracted: {EventWords.Of(target)}", EventWords.Retraction(retraction, target));
        Assert.Equal($"retraction of event {retraction.EventId} on 2024-01-16", EventWords.Retraction(retraction, null));
    }
}
