using System.Net;
using System.Text;
using Microsoft.Playwright;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>End to end in headless Chromium against the real server.</summary>
public class the_dashboard(RunningServer server) : IClassFixture<RunningServer>, IAsyncLifetime
{
    private HeadlessChromium _chromium = null!;
    private IPage _page = null!;

    private static string Screenshots => HeadlessChromium.Screenshots;

    public async ValueTask InitializeAsync()
    {
        _chromium = await HeadlessChromium.OpenAsync(server.Address);
        _page = _chromium.Page;
    }

    public async ValueTask DisposeAsync() => await _chromium.DisposeAsync();

    private ILocator Card(string treatyId) => _page.Locator($"article.card[data-treaty='{treatyId}']");

    private async Task<HttpStatusCode> PostAsync(string url, string json) =>
        (await (await server.EditorClientAsync()).PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken)).StatusCode;

    [Fact]
    public async Task the_overview_shows_the_seeded_statuses()
    {
        await _page.GotoAsync("/");

        await Assertions.Expect(Card("inf").Locator("p .badge").First).ToHaveTextAsync("terminated");
        await Assertions.Expect(Card("new-start").Locator("p .badge").First).ToHaveTextAsync("expired");
        await Assertions.Expect(Card("open-skies").Locator("p .badge").First).ToHaveTextAsync("in-force");
        await Assertions.Expect(_page.Locator("#timeline canvas").First).ToBeVisibleAsync();
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "overview.png"), FullPage = true });
    }

    [Fact]
    public async Task on_a_phone_the_pages_fit_the_width_and_show_every_treaty()
    {
        var phone = await _chromium.NewPageAsync(390, 844);
        foreach (var url in new[] { "/", "/treaties/inf" })
        {
            await phone.GotoAsync(url);
            if (url == "/")
                foreach (var treaty in new[] { "inf", "new-start", "open-skies" })
                    await Assertions.Expect(phone.Locator($"article.card[data-treaty='{treaty}']")).ToBeVisibleAsync();
            else
                await Assertions.Expect(phone.Locator("#treaty-name")).ToContainTextAsync("Intermediate");
            var overflow = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow} px wider than the phone's screen");
            await phone.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, $"phone{url.Replace('/', '-')}.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task moving_the_date_changes_the_statuses_and_the_url()
    {
        await _page.GotoAsync("/?asOf=2019-05-01");
        await Assertions.Expect(Card("inf").Locator("p .badge").First).ToHaveTextAsync("in-force");
        await Assertions.Expect(Card("inf").Locator("li[data-party='United States'] .badge")).ToHaveTextAsync("withdrawing");
        await Assertions.Expect(Card("inf").Locator(".deadline")).ToContainTextAsync("United States's withdrawal takes effect in 93 days");

        await _page.FillAsync("#as-of", "2019-09-01");
        await _page.DispatchEventAsync("#as-of", "change");

        await Assertions.Expect(Card("inf").Locator("p .badge").First).ToHaveTextAsync("terminated");
        await Assertions.Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?asOf=2019-09-01$"));
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "overview-2019-09-01.png"), FullPage = true });
    }

    [Fact]
    public async Task an_event_recorded_through_the_api_appears_without_reloading()
    {
        await _page.GotoAsync("/");
        await Assertions.Expect(_page.Locator("#live")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^live"));

        Assert.Equal(HttpStatusCode.Created, await PostAsync("/api/treaties",
            """{"id":"live-test","name":"A treaty recorded while you watch","shortName":"Live","kind":"bilateral","withdrawalNoticePeriod":"P6M"}"""));
        Assert.Equal(HttpStatusCode.Created, await PostAsync("/api/treaties/live-test/events",
            """{"type":"signed","on":"2020-01-01","parties":["United States","Russia"]}"""));

        await Assertions.Expect(Card("live-test").Locator("p .badge").First).ToHaveTextAsync("signed");
    }

    [Fact]
    public async Task text_from_the_event_store_is_shown_as_text_never_run()
    {
        const string hostile = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";
        Assert.Equal(HttpStatusCode.Created, await PostAsync("/api/treaties/inf/events",
            $$"""{"type":"statement","on":"2019-01-01","summary":{{System.Text.Json.JsonSerializer.Serialize(hostile)}}}"""));

        await _page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        await _page.FillAsync("#events-search", "__xss");

        await Assertions.Expect(_page.Locator("#events-table")).ToContainTextAsync(hostile);
        await Assertions.Expect(_page.Locator("#parties-table")).ToContainTextAsync("withdrawing");
        Assert.Equal("undefined", await _page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await _page.Locator("#events-table img").CountAsync());
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "treaty-inf.png"), FullPage = true });
    }

    [Fact]
    public async Task the_treaty_page_says_how_sure_each_date_is_and_what_a_party_was_before_the_end()
    {
        ILocator Row(string party) => _page.Locator($"#parties-table tr[data-party='{party}']");

        await _page.GotoAsync("/treaties/open-skies?asOf=2010-01-01");
        await Assertions.Expect(Row("Sweden").Locator("td").Nth(2)).ToHaveTextAsync("2002 (year only)");
        await Assertions.Expect(Row("Finland").Locator("td").Nth(2)).ToHaveTextAsync("2003-02-11 (unconfirmed)");
        await Assertions.Expect(Row("Germany").Locator("td").Nth(2)).ToHaveTextAsync("2002-01-01");

        await _page.GotoAsync("/treaties/new-start");
        await Assertions.Expect(Row("United States").Locator(".badge")).ToHaveTextAsync("expired");
        await Assertions.Expect(Row("United States").Locator("td").Nth(4)).ToHaveTextAsync("was party since 2011-02-05");
        await Assertions.Expect(Row("Russia").Locator("td").Nth(4)).ToContainTextAsync("was suspended toward United States since 2023-02-28");
        await _page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "treaty-new-start.png"), FullPage = true });
    }
}
