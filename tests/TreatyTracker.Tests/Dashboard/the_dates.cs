using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>One date language: ISO dates whatever the browser's locale, and each date in the tense of the day shown.</summary>
[Collection(DashboardViews.Name)]
public class the_dates(DashboardServer dashboard) : DashboardTest(dashboard)
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    public async Task the_date_field_reads_and_writes_iso_dates_and_its_calendar_works_from_the_keyboard(string locale)
    {
        var page = await OpenAsync(1280, 900, locale);
        Assert.Equal(locale, await page.EvaluateAsync<string>("() => navigator.language"));
        await page.GotoAsync("/?asOf=2019-05-01");
        var field = page.Locator("#as-of");
        await Assertions.Expect(field).ToHaveValueAsync("2019-05-01");
        Assert.Equal("text", await field.GetAttributeAsync("type"));

        await page.ClickAsync(".date-field .open-calendar");
        var calendar = page.Locator(".calendar");
        await Assertions.Expect(calendar.Locator("strong")).ToHaveTextAsync("2019-05");
        await Assertions.Expect(page.Locator(".calendar [data-date='2019-05-01']")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowDown");   // a week on
        await page.Keyboard.PressAsync("PageDown");    // a month on
        await page.Keyboard.PressAsync("ArrowLeft");   // a day back
        await Assertions.Expect(calendar.Locator("strong")).ToHaveTextAsync("2019-06");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(field).ToHaveValueAsync("2019-06-07");
        await Assertions.Expect(calendar).ToHaveCountAsync(0);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?asOf=2019-06-07$"));
        await Assertions.Expect(page.Locator("#as-of-label")).ToHaveTextAsync("2019-06-07");
        await page.ScreenshotAsync(new() { Path = Screenshot($"date-field-{locale}") });

        await field.FillAsync("07.06.2019");
        await field.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".date-error")).ToContainTextAsync("YYYY-MM-DD");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?asOf=2019-06-07$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task the_slider_moves_the_date_from_the_keyboard_and_says_which_date_it_is()
    {
        await Page.GotoAsync("/?asOf=2019-05-01");
        await Assertions.Expect(Card("inf").Locator("p .badge").First).ToHaveTextAsync("in-force");
        await Page.FocusAsync("#as-of-slider");
        await Page.Keyboard.PressAsync("ArrowRight");

        await Assertions.Expect(Page.Locator("#as-of")).ToHaveValueAsync("2019-05-02");
        await Assertions.Expect(Page.Locator("#as-of-slider")).ToHaveAttributeAsync("aria-valuetext", "2019-05-02");
        await Assertions.Expect(Page).ToHaveURLAsync(new Regex(@"\?asOf=2019-05-02$"));
    }

    [Fact]
    public async Task an_expiry_is_said_once_and_in_the_tense_of_the_day_shown()
    {
        var newStart = Card("new-start");
        await Page.GotoAsync("/?asOf=2020-12-01");
        await Assertions.Expect(newStart.Locator(".deadline")).ToHaveTextAsync("The treaty expires in 66 days (2021-02-05)");
        await Assertions.Expect(newStart.Locator(".expiry")).ToHaveCountAsync(0);
        Assert.Single(Regex.Matches(await newStart.InnerTextAsync(), "2021-02-05"));

        await Page.GotoAsync("/?asOf=2026-12-01");
        await Assertions.Expect(newStart.Locator(".expiry")).ToHaveTextAsync("Expired on 2026-02-05 (299 days ago)");
        await Assertions.Expect(newStart).Not.ToContainTextAsync("Expires");
    }
}
