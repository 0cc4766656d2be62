using Microsoft.Playwright;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>axe-core finds no serious or critical violation on any page, at a desktop's width and a phone's.</summary>
[Collection(DashboardViews.Name)]
public class the_pages_for_everyone(DashboardServer dashboard) : DashboardTest(dashboard)
{
    public static TheoryData<string, int> Pages => new()
    {
        { "/?asOf=2019-05-01", 1280 }, { "/?asOf=2019-05-01", 390 },
        { "/treaties/open-skies?asOf=2010-01-01", 1280 }, { "/treaties/open-skies?asOf=2010-01-01", 390 },
        { "/treaties/new-start?asOf=2026-12-01", 1280 }, { "/treaties/inf?asOf=2019-05-01", 390 }
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task no_serious_or_critical_violation(string url, int width)
    {
        var page = await OpenAsync(width, 900);
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("#timeline canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".state[role=status]:visible")).ToHaveCountAsync(0);
        await page.ClickAsync("#timeline-data summary");
        if (url.StartsWith("/?")) await page.ClickAsync("#show-parties");

        Assert.Empty(await Axe.SeriousViolationsAsync(page));

        await page.ClickAsync("#as-of-form .open-calendar");
        await Assertions.Expect(page.Locator(".calendar")).ToBeVisibleAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await page.Context.CloseAsync();
    }

    public static TheoryData<string, string, int> AnalystsPages => new()
    {
        { "state", "/states/Russia?asOf=2019-05-01", 1280 }, { "state", "/states/Russia?asOf=2019-05-01", 390 },
        { "states", "/states", 1280 }, { "states", "/states", 390 },
        { "record", "/record", 1280 }, { "record", "/record", 390 },
        { "during", "/during?from=2019-01-01&to=2020-01-01", 1280 }, { "during", "/during?from=2019-01-01&to=2020-01-01", 390 }
    };

    [Theory]
    [MemberData(nameof(AnalystsPages))]
    public async Task the_analysts_pages_have_no_serious_or_critical_violation_and_fit_a_phone(string name, string url, int width)
    {
        var page = await OpenAsync(width, 900);
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("table tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".state[role=status]:visible")).ToHaveCountAsync(0);

        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{url} is {overflow} px wider than the screen");
        await page.ScreenshotAsync(new() { Path = Screenshot($"{name}-{width}"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task the_chart_is_reachable_from_the_keyboard_and_reads_out_its_events()
    {
        await Page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        await Assertions.Expect(Page.Locator("#timeline canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#history-state")).ToBeHiddenAsync();
        await Page.FocusAsync("#timeline");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Page.Locator("#timeline-announce")).ToContainTextAsync("Event 1 of");
        await Assertions.Expect(Page.Locator("#timeline-announce")).ToContainTextAsync("the treaty: signed on 1987-12-08");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Page.Locator("#timeline-announce")).ToContainTextAsync("Event 2 of");
    }
}
