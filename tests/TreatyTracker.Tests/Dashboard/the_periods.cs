using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>Who held a status during [from, to), filtered by status, treaty and state as the API answers it.</summary>
[Collection(DashboardViews.Name)]
public class the_periods(DashboardServer dashboard) : DashboardTest(dashboard)
{
    private ILocator Rows => Page.Locator("#during-table tbody tr[data-treaty]");

    private async Task ShowsWhatTheApiAnswersAsync(string query)
    {
        var expected = await ApiAsync<string[]>($"/api/status/during?{query}&pageSize=50",
            $"a => a.intervals.map(i => `${{i.treatyId}} ${{i.party ?? 'the treaty'}} ${{i.status}}${{i.toward ? ' toward ' + i.toward.join(', ') : ''}} ${{i.from ? {When}(i.from, i.certainty) : '…'}}`)");
        Assert.NotEmpty(expected);
        await Assertions.Expect(Rows).ToHaveCountAsync(expected.Length);
        Assert.Equal(expected, await Rows.EvaluateAllAsync<string[]>(
            "rows => rows.map(r => `${r.dataset.treaty} ${r.cells[1].textContent} ${r.cells[2].textContent} ${r.cells[3].textContent}`)"));
    }

    [Fact]
    public async Task it_shows_the_intervals_the_api_answers_and_the_filters_change_them()
    {
        await Page.GotoAsync("/during?from=2019-01-01&to=2020-01-01");
        await Assertions.Expect(Rows.First).ToBeVisibleAsync();
        await ShowsWhatTheApiAnswersAsync("from=2019-01-01&to=2020-01-01");
        await Page.ScreenshotAsync(new() { Path = Screenshot("during"), FullPage = true });

        await Page.SelectOptionAsync("#during-status", "withdrawing");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex("status=withdrawing"));
        await ShowsWhatTheApiAnswersAsync("from=2019-01-01&to=2020-01-01&status=withdrawing");
        await EachAsync(Rows.Locator("td:nth-child(3)"), status => Assert.Equal("withdrawing", status));

        await Page.SelectOptionAsync("#during-status", "");
        await Page.SelectOptionAsync("#during-treaty", "open-skies");
        await Page.SelectOptionAsync("#during-state", "Sweden");
        await ShowsWhatTheApiAnswersAsync("from=2019-01-01&to=2020-01-01&treaty=open-skies&state=Sweden");

        await Page.FillAsync("#during-from", "1950-01-01");
        await Page.PressAsync("#during-from", "Enter");
        await Page.FillAsync("#during-to", "1951-01-01");
        await Page.PressAsync("#during-to", "Enter");
        await Assertions.Expect(Page.Locator("#during-table tbody")).ToHaveTextAsync("Nothing held such a status in this period.");
    }

    [Fact]
    public async Task a_failing_api_shows_the_retry()
    {
        var failing = true;
        await FailAsync("**/api/status/during?*", () => failing);
        await Page.GotoAsync("/during?from=2019-01-01&to=2020-01-01&status=withdrawing");
        await Assertions.Expect(Page.Locator("#during-state-line")).ToContainTextAsync("Could not load the periods: the server answered 500 (Database unavailable).");
        failing = false;
        await Page.ClickAsync("#during-state-line button.retry");
        await ShowsWhatTheApiAnswersAsync("from=2019-01-01&to=2020-01-01&status=withdrawing");
    }
}
