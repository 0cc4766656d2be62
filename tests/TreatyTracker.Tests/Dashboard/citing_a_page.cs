using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>
/// Every page has a "Cite this" box: a permalink to the page with both times fixed, the answer's citation naming it, and a
/// copy button; opened after a new event, the permalink shows the page as it was.
/// </summary>
public class citing_a_page(RunningServer server) : IClassFixture<RunningServer>, IAsyncLifetime
{
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.OpenAsync(server.Address);

    public async ValueTask DisposeAsync() => await _chromium.DisposeAsync();

    private async Task RecordAsync(string url, string json) =>
        Assert.Equal(HttpStatusCode.Created, (await (await server.EditorClientAsync()).PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken)).StatusCode);

    public static TheoryData<string, string, string, int> Pages => new()
    {
        { "overview", "/?asOf=2019-05-01", "every treaty's status on 2019-05-01", 1280 },
        { "overview", "/?asOf=2019-05-01", "every treaty's status on 2019-05-01", 390 },
        { "treaty", "/treaties/inf?asOf=2019-05-01", "status of the INF Treaty on 2019-05-01", 1280 },
        { "treaty", "/treaties/inf?asOf=2019-05-01", "status of the INF Treaty on 2019-05-01", 390 },
        { "state", "/states/Russia?asOf=2019-05-01", "Russia's treaties on 2019-05-01", 1280 },
        { "state", "/states/Russia?asOf=2019-05-01", "Russia's treaties on 2019-05-01", 390 },
        { "record", "/record?since=2000-01-01", "events recorded after 2000-01-01 00:00:00 UTC", 1280 },
        { "record", "/record?since=2000-01-01", "events recorded after 2000-01-01 00:00:00 UTC", 390 },
        { "during", "/during?from=2019-01-01&to=2020-01-01", "who held any status in [2019-01-01, 2020-01-01)", 1280 },
        { "during", "/during?from=2019-01-01&to=2020-01-01", "who held any status in [2019-01-01, 2020-01-01)", 390 },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task the_box_names_this_page_with_both_times_fixed_and_copies_the_citation_from_the_keyboard(string name, string url, string what, int width)
    {
        var page = await _chromium.NewPageAsync(width, 900);
        await page.GotoAsync(url);
        var box = page.Locator("#cite");
        await Assertions.Expect(box.Locator(".citation")).ToContainTextAsync($"TreatyTracker, {what}");
        await Assertions.Expect(page.Locator(".state[role=status]:visible")).ToHaveCountAsync(0);

        var permalink = await box.Locator("a.permalink").GetAttributeAsync("href");
        var citation = await box.Locator(".citation").TextContentAsync();
        var fixesRecord = name switch { "record" => "until=", "during" => null, _ => "recordedAt=" };
        Assert.StartsWith(new Uri(server.Address, new Uri(url, UriKind.Relative).OriginalString.Split('?')[0]).AbsoluteUri, permalink);
        if (fixesRecord is not null) Assert.Contains(fixesRecord, permalink);
        Assert.EndsWith($", {permalink}, accessed {DateTime.UtcNow:yyyy-MM-dd}", citation);

        await box.Locator("button.copy").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(box.Locator(".copied")).ToHaveTextAsync(new Regex("^(Copied|Selected)"));
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{url} is {overflow} px wider than the screen");
        await page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.Screenshots, $"cite-{name}-{width}.png"), FullPage = true });

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(box.Locator(".citation")).ToBeVisibleAsync();
        await Assertions.Expect(box.Locator("button.copy")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task a_permalink_opened_after_a_new_event_shows_the_page_as_it_was()
    {
        await RecordAsync("/api/treaties", """{"id":"cite-test","name":"Citing test treaty","shortName":"Cite test","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""");
        await RecordAsync("/api/treaties/cite-test/events", """{"type":"signed","on":"2010-01-01","parties":["Testland","Otherland"]}""");
        await RecordAsync("/api/treaties/cite-test/events", """{"type":"entered-into-force","on":"2010-06-01"}""");
        var page = _chromium.Page;
        var pages = new Dictionary<string, string>();
        foreach (var url in new[] { "/treaties/cite-test?asOf=2020-01-01", "/states/Testland?asOf=2020-01-01" })
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("#cite a.permalink")).ToHaveAttributeAsync("href", new Regex("recordedAt="));
            pages[url] = (await page.Locator("#cite a.permalink").GetAttributeAsync("href"))!;
        }

        await RecordAsync("/api/treaties/cite-test/events", """{"type":"withdrawal-notice-given","on":"2019-01-01","party":"Testland"}""");

        await page.GotoAsync("/treaties/cite-test?asOf=2020-01-01");
        await Assertions.Expect(page.Locator("#parties-table tr[data-party='Testland'] .badge")).Not.ToHaveTextAsync("party");
        await page.GotoAsync(pages["/treaties/cite-test?asOf=2020-01-01"]);
        await Assertions.Expect(page.Locator("#treaty-status .badge")).ToHaveTextAsync("in-force");
        await Assertions.Expect(page.Locator("#parties-table tr[data-party='Testland'] .badge")).ToHaveTextAsync("party");
        await Assertions.Expect(page.Locator("#events-table tbody tr")).ToHaveCountAsync(2);
        Assert.Equal(pages["/treaties/cite-test?asOf=2020-01-01"], await page.Locator("#cite a.permalink").GetAttributeAsync("href"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.Screenshots, "cite-treaty-permalink-opened-later.png"), FullPage = true });

        await page.GotoAsync("/states/Testland?asOf=2020-01-01");
        await Assertions.Expect(page.Locator("#treaties-table tr[data-treaty='cite-test'] .badge").First).Not.ToHaveTextAsync("party");
        await page.GotoAsync(pages["/states/Testland?asOf=2020-01-01"]);
        await Assertions.Expect(page.Locator("#treaties-table tr[data-treaty='cite-test'] .badge").First).ToHaveTextAsync("party");
        await Assertions.Expect(page.Locator("#recorded-at")).ToHaveValueAsync(new Regex(@"^\d{4}-\d{2}-\d{2}T"));
    }

    [Fact]
    public async Task the_comparison_with_an_earlier_record_has_a_citation_of_its_own()
    {
        var page = _chromium.Page;
        await page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        await page.Locator("#recorded-at").FillAsync("2000-01-01");
        await page.ClickAsync("#recorded-form button[type=submit]");

        var box = page.Locator("#recorded-cite");
        await Assertions.Expect(box.Locator(".citation")).ToContainTextAsync("status of the INF Treaty on 2019-05-01 as recorded at 2000-01-01 00:00:00 UTC, compared with the same");
        Assert.Contains("/api/treaties/inf/status/compare?asOf=2019-05-01&recordedAt=2000-01-01", await box.Locator("a.permalink").GetAttributeAsync("href"));
    }
}
