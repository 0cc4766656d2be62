using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>A state's page and the list of states: what the API answers, reached from every party name.</summary>
[Collection(DashboardViews.Name)]
public class the_state_page(DashboardServer dashboard) : DashboardTest(dashboard)
{
    private ILocator TreatyRows => Page.Locator("#treaties-table tbody tr[data-treaty]");

    private async Task ShowsWhatTheApiAnswersAsync(string state, string asOf)
    {
        var url = $"/api/states/{Uri.EscapeDataString(state)}?asOf={asOf}";
        var treaties = await ApiAsync<string[]>(url, "a => a.treaties.map(t => `${t.treatyId} ${t.status ?? 'not yet'} ${t.treatyStatus ?? 'not signed yet'}`)");
        var by = await ApiAsync<string[]>(url, $"a => a.allegationsBy.newest.map(x => `${{{When}(x.on, x.certainty)}} ${{x.accused}}`)");
        var against = await ApiAsync<string[]>(url, $"a => a.allegationsAgainst.newest.map(x => `${{{When}(x.on, x.certainty)}} ${{x.accuser}}`)");
        await Assertions.Expect(TreatyRows).ToHaveCountAsync(treaties.Length);
        Assert.Equal(treaties, await TreatyRows.EvaluateAllAsync<string[]>(
            "rows => rows.map(r => `${r.dataset.treaty} ${r.cells[2].querySelector('.badge')?.textContent ?? r.cells[2].textContent} ${r.cells[4].textContent}`)"));
        Assert.Equal(by, await AllegationsAsync("#allegations-by-table"));
        Assert.Equal(against, await AllegationsAsync("#allegations-against-table"));
    }

    private Task<string[]> AllegationsAsync(string table) => Page.Locator($"{table} tbody tr:not(.empty)")
        .EvaluateAllAsync<string[]>("rows => rows.map(r => `${r.cells[0].textContent} ${r.cells[2].textContent}`)");

    [Fact]
    public async Task it_shows_the_states_treaties_and_allegations_as_the_api_answers_on_the_date()
    {
        await Page.GotoAsync("/states/Russia?asOf=2019-05-01");
        await Assertions.Expect(Page.Locator("#state-name")).ToHaveTextAsync("Russia");
        await Assertions.Expect(Page.Locator("#state-names")).ToContainTextAsync("USSR");
        await ShowsWhatTheApiAnswersAsync("Russia", "2019-05-01");
        var inf = Page.Locator("#treaties-table tr[data-treaty='inf']");
        var deadline = await ApiAsync<string>("/api/states/Russia?asOf=2019-05-01", "a => a.treaties.find(t => t.treatyId === 'inf').nextDeadline.on");
        await Assertions.Expect(inf.Locator("td").Nth(5)).ToContainTextAsync(deadline);
        await Page.ScreenshotAsync(new() { Path = Screenshot("state-russia"), FullPage = true });

        await Page.FillAsync("#as-of", "1980-01-01");
        await Page.DispatchEventAsync("#as-of", "change");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"\?asOf=1980-01-01$"));
        await Assertions.Expect(Page.Locator("#as-of-label")).ToHaveTextAsync("1980-01-01");
        await ShowsWhatTheApiAnswersAsync("Russia", "1980-01-01");
        await Assertions.Expect(Page.Locator("#allegations-by-table tbody")).ToHaveTextAsync("It made no allegation of violation up to this date.");
    }

    [Fact]
    public async Task every_party_name_leads_to_its_state_page_on_the_same_date()
    {
        await Page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        await Page.ClickAsync("#parties-table tr[data-party='Russia'] a.state-link");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/states/Russia\?asOf=2019-05-01$"));
        await Assertions.Expect(Page.Locator("#state-name")).ToHaveTextAsync("Russia");

        await Page.GotoAsync("/?asOf=2019-05-01");
        // The overview redraws its cards in order of start once the histories arrive: click after that, not on a card it replaces.
        await Assertions.Expect(Page.Locator("#timeline-state")).ToBeHiddenAsync();
        await Page.ClickAsync("article.card[data-treaty='inf'] li[data-party='United States'] a.state-link");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/states/United%20States\?asOf=2019-05-01$"));
        await Assertions.Expect(TreatyRows.Locator("a", new() { HasTextString = "INF Treaty" })).ToBeVisibleAsync();

        await Page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        await Page.Locator("#allegations-table a.state-link").First.ClickAsync();
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"/states/[^/?]+\?asOf=2019-05-01$"));
        await Assertions.Expect(Page.Locator("#state-state")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task the_list_of_states_is_every_state_the_api_names_and_can_be_searched()
    {
        await Page.GotoAsync("/states");
        var names = await ApiAsync<string[]>("/api/states", "a => a.map(s => s.name)");
        var rows = Page.Locator("#states-table tbody tr[data-state]");
        await Assertions.Expect(rows).ToHaveCountAsync(names.Length);
        Assert.Equal(names, await rows.Locator("td:first-child").AllTextContentsAsync());
        await Page.ScreenshotAsync(new() { Path = Screenshot("states"), FullPage = true });

        await Page.FillAsync("#states-search", "ussr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Page.ClickAsync("#states-table a.state-link");
        await Assertions.Expect(Page.Locator("#state-names")).ToContainTextAsync("USSR");

        await Page.GoBackAsync();
        await Page.FillAsync("#states-search", "no state is called this");
        await Assertions.Expect(Page.Locator("#states-table tbody")).ToHaveTextAsync("No state matches.");
    }

    [Fact]
    public async Task a_failing_api_is_said_with_a_retry_and_an_unknown_state_is_unknown()
    {
        var failing = true;
        await FailAsync("**/api/states/**", () => failing);
        await Page.GotoAsync("/states/Russia?asOf=2019-05-01");
        await Assertions.Expect(Page.Locator("#state-state")).ToContainTextAsync("Could not load the state: the server answered 500 (Database unavailable).");
        await Page.ScreenshotAsync(new() { Path = Screenshot("state-api-failing"), FullPage = true });
        failing = false;
        await Page.ClickAsync("#state-state button.retry");
        await Assertions.Expect(Page.Locator("#state-state")).ToBeHiddenAsync();
        await Assertions.Expect(TreatyRows.First).ToBeVisibleAsync();

        await Page.GotoAsync("/states/Atlantis");
        await Assertions.Expect(Page.Locator("#state-state")).ToContainTextAsync("Could not load the state: not found.");
    }
}
