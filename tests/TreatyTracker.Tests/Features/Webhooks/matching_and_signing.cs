using System.Net;
using System.Text;
using TreatyTracker.Features.Record;
using TreatyTracker.Features.Webhooks;
using TreatyTracker.Treaties;
using Xunit;

namespace TreatyTracker.Tests.Features.Webhooks;

/// <summary>The pure parts: which subscription wants which entries, which addresses are public, the signature, the retries.</summary>
public class matching_and_signing
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static RecordEntry Entry(string treaty, TreatyEvent fact, string[] states, DateTimeOffset? recordedAt = null) =>
        new(Guid.CreateVersion7(), treaty, treaty, 3, TreatyEventTypes.NameOf(fact), fact.On, recordedAt ?? Now, "tests", states, fact);

    private static WebhookSubscription Subscription(string id, WebhookFilter filter) => new(id, "https://93.184.215.14/", filter, "whsec_x", Now.AddDays(-1), "tests");

    private static readonly Statement ByRussia = new("Russia") { On = new DateOnly(2019, 2, 1) };
    private static readonly WithdrawalNoticeGiven NoticeByRussia = new("Russia", new DateOnly(2019, 8, 2)) { On = new DateOnly(2019, 2, 2) };

    [Theory]
    [InlineData(null, null, null, true)]
    [InlineData("inf", null, null, true)]
    [InlineData("new-start", null, null, false)]
    [InlineData(null, "Russia", null, true)]
    [InlineData(null, "USSR", null, true)] // a former name of the same state
    [InlineData(null, "United States", null, false)]
    [InlineData(null, null, "statement", true)]
    [InlineData(null, null, "ratified", false)]
    [InlineData("inf", "Russia", "statement", true)]
    [InlineData("inf", "Russia", "ratified", false)]
    public void a_filter_wants_an_entry_when_its_treaty_state_and_type_all_match(string? treaty, string? state, string? type, bool wanted)
    {
        var filter = new WebhookFilter(treaty, state, type is null ? null : [type]);
        var names = state is "Russia" or "USSR" ? new[] { "USSR", "Russia" } : state is null ? [] : [state];

        Assert.Equal(wanted, filter.Matches(Entry("inf", ByRussia, ["Russia"]), names));
    }

    [Fact]
    public void a_filter_by_event_types_hears_of_a_retraction_only_when_event_retracted_is_one_of_them()
    {
        var retraction = Entry("inf", new EventRetracted(Guid.CreateVersion7(), "wrong day") { On = new DateOnly(2019, 2, 3) }, ["Russia"]);

        Assert.Equal("event-retracted", retraction.Type);
        Assert.False(new WebhookFilter(null, null, ["statement"]).Matches(retraction, []));
        Assert.True(new WebhookFilter(null, null, ["statement", "event-retracted"]).Matches(retraction, []));
        Assert.DoesNotContain("event-corrected", TreatyEventTypes.Names);
    }

    [Fact]
    public void a_commit_makes_one_delivery_per_subscription_that_wants_some_of_it_with_the_entries_it_wants_and_a_stable_id()
    {
        var statement = Entry("inf", ByRussia, ["Russia"]);
        var notice = Entry("inf", NoticeByRussia, ["Russia"]);
        var subscriptions = new[]
        {
            Subscription("all", new WebhookFilter(null, null, null)),
            Subscription("notices", new WebhookFilter(null, null, ["withdrawal-notice-given"])),
            Subscription("elsewhere", new WebhookFilter("new-start", null, null)),
            Subscription("later", new WebhookFilter(null, null, null)) with { CreatedAt = Now.AddSeconds(1) }
        };

        var deliveries = WebhookFanOut.Deliveries("inf", [statement, notice], subscriptions, new Dictionary<string, IReadOnlyCollection<string>>(), Now);
        var again = WebhookFanOut.Deliveries("inf", [statement, notice], subscriptions, new Dictionary<string, IReadOnlyCollection<string>>(), Now.AddHours(1));

        Assert.Equal(["all", "notices"], deliveries.Select(d => d.SubscriptionId));
        Assert.Equal([statement.EventId, notice.EventId], deliveries[0].EventIds);
        Assert.Equal([notice.EventId], deliveries[1].EventIds);
        Assert.Equal(deliveries.Select(d => d.Id), again.Select(d => d.Id));
        Assert.NotEqual(deliveries[0].Id, deliveries[1].Id);
    }

    [Theory]
    [InlineData("127.0.0.1")] [InlineData("127.8.9.10")] [InlineData("10.0.0.1")] [InlineData("172.16.0.1")] [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")] [InlineData("169.254.169.254")] [InlineData("0.0.0.0")] [InlineData("100.64.0.1")] [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")] [InlineData("::")] [InlineData("::1")] [InlineData("fe80::1")] [InlineData("fc00::1")] [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")] [InlineData("::ffff:10.0.0.1")] [InlineData("::ffff:127.0.0.1")] [InlineData("64:ff9b::a00:1")] [InlineData("::127.0.0.1")]
    public void private_loopback_link_local_and_unspecified_addresses_are_not_public(string address)
    {
        Assert.False(WebhookAddresses.IsPublic(IPAddress.Parse(address)));
        Assert.False(WebhookAddresses.IsAllowed(IPAddress.Parse(address), allowPrivate: false));
        Assert.True(WebhookAddresses.IsAllowed(IPAddress.Parse(address), allowPrivate: true));
    }

    [Theory]
    [InlineData("93.184.215.14")] [InlineData("8.8.8.8")] [InlineData("172.32.0.1")] [InlineData("100.128.0.1")] [InlineData("2606:4700::1111")]
    [InlineData("::ffff:8.8.8.8")] [InlineData("64:ff9b::808:808")]
    public void public_addresses_are_public(string address) => Assert.True(WebhookAddresses.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void the_signature_is_hmac_sha256_of_the_timestamp_a_dot_and_the_body_in_lower_case_hex()
    {
        // Computed independently: python3 -c "import hmac,hashlib;print(hmac.new(b'whsec_test',b'1700000000.{\"a\":1}',hashlib.sha256).hexdigest())"
        Assert.Equal("t=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789",
            WebhookSignature.HeaderValue("whsec_test", 1700000000, Encoding.UTF8.GetBytes("""{"a":1}""")));
    }

    [Fact]
    public void a_failed_attempt_is_retried_after_each_delay_in_turn_and_given_up_after_the_last()
    {
        var delays = new[] { TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1) };
        var delivery = WebhookDelivery.New("s", "inf", [Entry("inf", ByRussia, ["Russia"])], Now);

        var once = delivery.Failed(Now, 500, "the receiver answered 500", delays);
        var twice = once.Failed(Now.AddSeconds(10), null, "the receiver did not answer in time", delays);
        var thrice = twice.Failed(Now.AddSeconds(70), 503, "the receiver answered 503", delays);

        Assert.Equal((DeliveryState.Pending, Now.AddSeconds(10)), (once.State, once.NextAttemptAt));
        Assert.Equal((DeliveryState.Pending, Now.AddSeconds(70)), (twice.State, twice.NextAttemptAt));
        Assert.Equal((DeliveryState.GivenUp, (DateTimeOffset?)null), (thrice.State, thrice.NextAttemptAt));
        Assert.Equal([500, null, 503], thrice.Attempts.Select(a => a.StatusCode));
        var delivered = twice.Succeeded(Now.AddSeconds(70), 204);
        Assert.Equal((DeliveryState.Delivered, Now.AddSeconds(70), 3), (delivered.State, delivered.DeliveredAt, delivered.Attempts.Count));
        Assert.Equal(delivery.Id, delivered.Id);
    }

    [Theory]
    [InlineData("https://example.org/hooks", true)]
    [InlineData("http://example.org:8080/hooks?x=1", true)]
    [InlineData("example.org/hooks", false)]
    [InlineData("ftp://example.org/hooks", false)]
    [InlineData("https://a:b@example.org/hooks", false)]
    [InlineData("https://example.org/hooks#part", false)]
    [InlineData("", false)]
    public void a_callback_url_must_be_absolute_http_or_https_without_credentials(string url, bool accepted) =>
        Assert.Equal(accepted, WebhookAddresses.Parse(url).Url is not null);
}
