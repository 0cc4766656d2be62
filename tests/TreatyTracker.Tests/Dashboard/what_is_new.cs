using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>What is new in the record since an instant, and one treaty's day as an earlier record answered it.</summary>
[Collection(DashboardViews.Name)]
public class what_is_new(DashboardServer dashboard) : DashboardTest(dashboard)
{
    private ILocator Entries => Page.Locator("#news-table tbody tr[data-event]");

    private async Task ShowsTheApisPageAsync(string query)
    {
        var expected = await ApiAsync<string[]>($"/api/record?{query}&pageSize=20", "a => a.entries.map(e => e.eventId)");
        Assert.NotEmpty(expected);
        await Assertions.Expect(Entries).ToHaveCountAsync(expected.Length);
        Assert.Equal(expected, await Entries.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.event)"));
    }

    private async Task<string> SinceAsync()
    {
        var since = await Page.InputValueAsync("#news-since");
        return Uri.EscapeDataString(Regex.IsMatch(since, @"^\d{4}-\d{2}-\d{2}$") ? $"{since}T00:00:00Z" : since);
    }

    [Fact]
    public async Task it_lists_what_the_api_answers_since_a_month_ago_newest_first_paged_and_filtered()
    {
        await Page.GotoAsync("/record");
        await Assertions.Expect(Page.Locator("#news-since")).ToHaveValueAsync(new Regex(@"^\d{4}-\d{2}-\d{2}$"));
        await Assertions.Expect(Entries.First).ToBeVisibleAsync();
        var since = await SinceAsync();
        await ShowsTheApisPageAsync($"since={since}");
        var recorded = await Entries.Locator("td:first-child").AllTextContentsAsync();
        Assert.Equal(recorded.OrderDescending(StringComparer.Ordinal), recorded);
        await Page.ScreenshotAsync(new() { Path = Screenshot("record"), FullPage = true });

        await Page.ClickAsync("#news-next");
        await Assertions.Expect(Page.Locator("#news-page")).ToContainTextAsync("Page 2");
        await ShowsTheApisPageAsync($"since={since}&page=2");

        await Page.SelectOptionAsync("#news-treaty", "inf");
        await Assertions.Expect(Page.Locator("#news-page")).ToContainTextAsync("Page 1");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("treaty=inf"));
        await ShowsTheApisPageAsync($"since={since}&treaty=inf");
        await EachAsync(Entries.Locator("td:nth-child(3)"), treaty => Assert.Equal("INF Treaty", treaty));

        await Page.SelectOptionAsync("#news-state", "Russia");
        await ShowsTheApisPageAsync($"since={since}&treaty=inf&state=Russia");

        await Entries.First.Locator("td:nth-child(3) a").ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/treaties/inf(\?asOf=\d{4}-\d{2}-\d{2})?$"));
    }

    [Fact]
    public async Task nothing_new_is_said_and_a_failing_api_shows_the_retry()
    {
        await Page.GotoAsync("/record");
        await Assertions.Expect(Entries.First).ToBeVisibleAsync();
        var latest = await ApiAsync<string>($"/api/record?since={await SinceAsync()}&pageSize=1", "a => a.entries[0].recordedAt");
        var after = DateTimeOffset.Parse(latest).AddSeconds(1).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ");
        await Page.FillAsync("#news-since", after);
        await Page.PressAsync("#news-since", "Enter");
        await Assertions.Expect(Page.Locator("#news-table tbody")).ToHaveTextAsync("Nothing was recorded in this period.");
        await Assertions.Expect(Page.Locator("#news-next")).ToBeDisabledAsync();

        var failing = true;
        await FailAsync("**/api/record?*", () => failing);
        await Page.ReloadAsync();
        await Assertions.Expect(Page.Locator("#news-state-line")).ToContainTextAsync("Could not load the record: the server answered 500 (Database unavailable).");
        failing = false;
        await Page.ClickAsync("#news-state-line button.retry");
        await Assertions.Expect(Page.Locator("#news-table tbody")).ToHaveTextAsync("Nothing was recorded in this period.");
    }

    [Fact]
    public async Task a_treaty_compared_with_an_earlier_record_shows_the_changes_the_api_answers()
    {
        await Page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        await Page.ClickAsync("#recorded-form button[type=submit]");
        var at = Uri.EscapeDataString($"{await Page.InputValueAsync("#recorded-at")}T00:00:00Z");
        var changes = await ApiAsync<string[]>($"/api/treaties/inf/status/compare?asOf=2019-05-01&recordedAt={at}",
            "a => a.changes.map(c => `${c.party ?? 'the treaty'} ${c.then ?? '—'} ${c.now ?? '—'}`)");
        Assert.NotEmpty(changes);
        var rows = Page.Locator("#recorded-table tbody tr:not(.empty)");
        await Assertions.Expect(rows).ToHaveCountAsync(changes.Length);
        Assert.Equal(changes, await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => `${r.cells[0].textContent} ${r.cells[1].textContent} ${r.cells[3].textContent}`)"));
        await Page.Locator("#recorded-table").ScreenshotAsync(new() { Path = Screenshot("treaty-inf-compared") });

        var latest = await ApiAsync<string>("/api/treaties/inf/events", "es => es.map(e => e.recordedAt).sort().at(-1)");
        await Page.FillAsync("#recorded-at", DateTimeOffset.Parse(latest).AddSeconds(1).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ"));
        await Page.ClickAsync("#recorded-form button[type=submit]");
        await Assertions.Expect(Page.Locator("#recorded-summary")).ToContainTextAsync("said the same about 2019-05-01 as it does now");
        await Assertions.Expect(Page.Locator("#recorded-table tbody")).ToHaveTextAsync("No standing differs.");
    }

    [Fact]
    public async Task the_links_to_other_treaties_are_those_the_api_answers_in_both_directions()
    {
        foreach (var treaty in new[] { "sort", "new-start" })
        {
            await Page.GotoAsync($"/treaties/{treaty}?asOf=2020-01-01");
            var links = await ApiAsync<string[]>($"/api/treaties/{treaty}/links?asOf=2020-01-01", "ls => ls.map(l => `/treaties/${l.treaty}?asOf=2020-01-01`)");
            Assert.NotEmpty(links);
            await Assertions.Expect(Page.Locator("#treaty-links a")).ToHaveCountAsync(links.Length);
            Assert.Equal(links, await Page.Locator("#treaty-links a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"));
        }
    }
}
