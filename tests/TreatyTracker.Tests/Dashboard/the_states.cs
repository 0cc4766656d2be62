using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>Every section says it is loading, says so when the API fails (with a way to try again), and says when it is empty.</summary>
[Collection(DashboardViews.Name)]
public class the_states(DashboardServer dashboard) : DashboardTest(dashboard)
{
    [Fact]
    public async Task a_section_says_it_is_loading_until_its_answer_arrives()
    {
        var held = new TaskCompletionSource();
        await Page.RouteAsync("**/api/status?*", async route => { await held.Task; await route.ContinueAsync(); });
        await Page.GotoAsync("/");

        await Assertions.Expect(Page.Locator("#cards-state")).ToHaveTextAsync("Loading the treaties…");
        held.SetResult();
        await Assertions.Expect(Card("inf")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#cards-state")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task when_the_api_fails_each_section_says_so_and_tries_again_on_request()
    {
        var failing = true;
        await Page.RouteAsync("**/api/**", async route =>
        {
            if (failing && !route.Request.Url.Contains("/api/changes"))
                await route.FulfillAsync(new() { Status = 500, ContentType = "application/problem+json", Body = """{"title":"Database unavailable","status":500}""" });
            else await route.ContinueAsync();
        });
        await Page.GotoAsync("/treaties/inf?asOf=2019-05-01");

        foreach (var state in new[] { "#status-state", "#history-state", "#allegations-state", "#events-state", "#diff-state" })
        {
            await Assertions.Expect(Page.Locator(state)).ToContainTextAsync("the server answered 500 (Database unavailable)");
            await Assertions.Expect(Page.Locator($"{state} button.retry")).ToBeVisibleAsync();
        }
        await Page.ScreenshotAsync(new() { Path = Screenshot("treaty-api-failing"), FullPage = true });

        failing = false;
        await Page.ClickAsync("#status-state button.retry");
        await Assertions.Expect(Page.Locator("#parties-table tr[data-party='United States'] .badge")).ToHaveTextAsync("withdrawing");
        await Assertions.Expect(Page.Locator("#status-state")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#events-state")).ToContainTextAsync("500");
    }

    [Fact]
    public async Task the_overview_says_when_the_api_fails()
    {
        await Page.RouteAsync("**/api/status?*", route => route.FulfillAsync(new() { Status = 500 }));
        await Page.GotoAsync("/");
        await Assertions.Expect(Page.Locator("#cards-state")).ToHaveTextAsync("Could not load the treaties: the server answered 500.Try again");
        await Page.UnrouteAllAsync();
        await Page.ClickAsync("#cards-state button.retry");
        await Assertions.Expect(Card("open-skies")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#timeline canvas").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task an_unknown_treaty_is_said_to_be_unknown()
    {
        await Page.GotoAsync("/treaties/no-such-treaty");
        await Assertions.Expect(Page.Locator("#status-state")).ToContainTextAsync("Could not load the status: not found.");
    }

    [Fact]
    public async Task nothing_changed_nothing_matches_and_nothing_alleged_are_said()
    {
        await Page.GotoAsync("/treaties/open-skies?asOf=2010-01-01");
        await Page.FillAsync("#diff-from", "2010-01-01");
        await Page.FillAsync("#diff-to", "2010-06-01");
        await Page.ClickAsync("#diff-form button[type=submit]");
        await Assertions.Expect(Page.Locator("#diff-summary")).ToHaveTextAsync("Nothing changed between 2010-01-01 and 2010-06-01: the treaty was in-force throughout.");
        await Assertions.Expect(Page.Locator("#diff-table tbody")).ToHaveTextAsync("Nothing changed between 2010-01-01 and 2010-06-01.");

        await Page.FillAsync("#events-search", "no event says this");
        await Assertions.Expect(Page.Locator("#events-table tbody")).ToHaveTextAsync("No recorded event matches.");

        await Page.RouteAsync("**/api/allegations?*", route => route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "[]" }));
        await Page.GotoAsync("/treaties/new-start");
        await Assertions.Expect(Page.Locator("#allegations-table tbody")).ToHaveTextAsync("No allegation of violation is recorded for this treaty.");
    }
}
