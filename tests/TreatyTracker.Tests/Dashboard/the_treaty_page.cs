using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>A treaty's page read at a glance: parties grouped and sortable, a timeline per party, history by party, a searchable record.</summary>
[Collection(DashboardViews.Name)]
public class the_treaty_page(DashboardServer dashboard) : DashboardTest(dashboard)
{
    private ILocator PartyNames => Page.Locator("#parties-table tbody tr[data-party] td:first-child");

    [Fact]
    public async Task the_parties_are_grouped_by_status_and_sort_by_any_column()
    {
        await Page.GotoAsync("/treaties/open-skies?asOf=2010-01-01");
        await Assertions.Expect(Page.Locator("#parties-table tr.group").First).ToContainTextAsync("signatory 1");
        var groups = await Page.Locator("#parties-table tr.group .badge").AllTextContentsAsync();
        Assert.Equal(["signatory", "party", "succeeded"], groups);
        var inParty = await Page.Locator("#parties-table tr[data-party]").Filter(new() { Has = Page.Locator(".badge", new() { HasTextString = "party" }) })
            .Locator("td:first-child").AllTextContentsAsync();
        Assert.Equal(inParty.Order(StringComparer.Ordinal), inParty);

        await Page.ClickAsync("#group-parties");
        await Page.ClickAsync("#parties-table th[data-sort='name'] button");
        await Assertions.Expect(Page.Locator("#parties-table th[data-sort='name']")).ToHaveAttributeAsync("aria-sort", "ascending");
        await Assertions.Expect(Page.Locator("#parties-table tr.group")).ToHaveCountAsync(0);
        var names = await PartyNames.AllTextContentsAsync();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(36, names.Count);

        await Page.ClickAsync("#parties-table th[data-sort='name'] button");
        Assert.Equal(names.Reverse(), await PartyNames.AllTextContentsAsync());

        await Page.ClickAsync("#parties-table th[data-sort='since'] button");
        var years = (await Page.Locator("#parties-table tbody tr[data-party] td:nth-child(3)").AllTextContentsAsync()).Select(since => since[..4]).ToList();
        Assert.Equal(years.Order(StringComparer.Ordinal), years);
        Assert.NotEqual(years.First(), years.Last());
    }

    [Fact]
    public async Task a_column_empty_in_every_row_is_hidden()
    {
        await Page.GotoAsync("/treaties/open-skies?asOf=2010-01-01");
        await Assertions.Expect(PartyNames.First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#parties-table th", new() { HasTextString = "Takes effect" })).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#parties-table th", new() { HasTextString = "Notes" })).ToBeVisibleAsync();

        await Page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        await Assertions.Expect(Page.Locator("#parties-table th", new() { HasTextString = "Takes effect" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#parties-table tr[data-party='United States'] td").Nth(3)).ToHaveTextAsync("2019-08-02");
    }

    [Fact]
    public async Task the_history_is_a_timeline_per_party_and_intervals_grouped_by_party()
    {
        await Page.GotoAsync("/treaties/open-skies?asOf=2010-01-01");
        await Assertions.Expect(Page.Locator("#timeline canvas").First).ToBeVisibleAsync();
        var groups = Page.Locator("#history details.who");
        await Assertions.Expect(groups).ToHaveCountAsync(37); // the treaty and its 36 parties
        await Assertions.Expect(groups.First).ToHaveAttributeAsync("open", "");
        var sweden = Page.Locator("#history details.who[data-who='Sweden']");
        await Assertions.Expect(sweden.Locator("table")).ToBeHiddenAsync();
        await sweden.Locator("summary").ClickAsync();
        await Assertions.Expect(sweden.Locator("table tbody tr").Last).ToContainTextAsync("2002 (year only)");
        await Assertions.Expect(sweden.Locator("summary")).ToContainTextAsync("on 2010-01-01: party");

        // The chart's text equivalent has a row per interval of each party.
        var rows = Page.Locator("#timeline-table tbody tr", new() { HasTextString = "Sweden" });
        Assert.True(await rows.CountAsync() >= 2);
        await Page.ScreenshotAsync(new() { Path = Screenshot("treaty-open-skies-history"), FullPage = true });
    }

    [Fact]
    public async Task the_record_is_numbered_from_one_searchable_filterable_and_paged()
    {
        await Page.GotoAsync("/treaties/open-skies?asOf=2010-01-01");
        var numbers = Page.Locator("#events-table tbody tr td:first-child");
        await Assertions.Expect(numbers.First).ToHaveTextAsync("1");
        Assert.Equal(20, await numbers.CountAsync());
        await Assertions.Expect(Page.Locator("#events-page")).ToContainTextAsync("Page 1 of");
        await Page.ClickAsync("#events-next");
        await Assertions.Expect(numbers.First).ToHaveTextAsync("21");

        await Page.SelectOptionAsync("#events-type", "withdrawal-notice-given");
        await EachAsync(Page.Locator("#events-table tbody tr td:nth-child(2)"), type => Assert.StartsWith("withdrawal-notice-given", type));

        await Page.SelectOptionAsync("#events-party", "Russia");
        await Assertions.Expect(Page.Locator("#events-page")).ToContainTextAsync("(1 of");
        await Assertions.Expect(Page.Locator("#events-table tbody")).ToContainTextAsync("2021");

        await Page.SelectOptionAsync("#events-type", "");
        await Page.SelectOptionAsync("#events-party", "");
        await Page.FillAsync("#events-search", "Finlex");
        await EachAsync(Page.Locator("#events-table tbody tr"), row => Assert.Contains("Finlex", row));
    }

    [Fact]
    public async Task links_to_other_treaties_are_shown_as_links()
    {
        await Page.RouteAsync("**/api/treaties/inf/links?*", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "application/json",
            Body = """[{"relation":"answered-by","treaty":"new-start","shortName":"New START","on":"2010-04-08"}]"""
        }));
        await Page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        await Assertions.Expect(Page.Locator("#treaty-links")).ToHaveTextAsync("answered by New START");
        await Assertions.Expect(Page.Locator("#treaty-links a")).ToHaveAttributeAsync("href", "/treaties/new-start?asOf=2019-05-01");
    }

    [Fact]
    public async Task open_skies_counts_34_states_parties_at_its_peak_and_32_after_both_withdrawals_in_a_chart_with_its_table()
    {
        await Page.GotoAsync("/treaties/open-skies?asOf=2010-01-01");
        var rows = Page.Locator("#counts-table tbody tr[data-on]");
        await Assertions.Expect(rows.First).ToBeAttachedAsync();
        await Assertions.Expect(Page.Locator("#counts-chart canvas").First).ToBeVisibleAsync();

        var points = new List<(string On, int Parties)>();
        foreach (var row in await rows.AllAsync())
            points.Add(((await row.GetAttributeAsync("data-on"))!, int.Parse(await row.Locator("td[data-status='states-parties']").TextContentAsync() ?? "0")));
        Assert.Equal(34, points.Max(p => p.Parties));
        var after = points.Where(p => string.CompareOrdinal(p.On, "2021-12-18") > 0).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, p => Assert.Equal(32, p.Parties));

        await Page.FocusAsync("#counts-chart");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(Page.Locator("#counts-announce")).ToContainTextAsync(points[1].On);
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#download-counts"));
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(points.Count + 1, csv.Length);
        var png = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#download-counts-chart"));
        Assert.Equal("open-skies-parties-by-status.png", png.SuggestedFilename);
        await Page.Locator("#counts").ScreenshotAsync(new() { Path = Screenshot("treaty-open-skies-counts") });

        await Page.GotoAsync("/treaties/inf?asOf=2010-01-01");
        await Assertions.Expect(Page.Locator("#parties-table tbody tr[data-party]").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#counts")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task the_ctbt_page_says_whom_its_record_follows_and_that_russia_s_ratification_was_revoked()
    {
        await Page.GotoAsync("/treaties/ctbt?asOf=2026-12-01");

        await Assertions.Expect(Page.Locator("#treaty-scope .scope-note")).ToHaveTextAsync("This record follows only United States and Russia: the acts of other states are not recorded.");
        var russia = Page.Locator("#parties-table tr[data-party='Russia']");
        await Assertions.Expect(russia.Locator(".badge")).ToHaveTextAsync("signatory");
        await Assertions.Expect(russia.Locator("td").Nth(4)).ToContainTextAsync("was ratified since 2000-06-30");
        await Assertions.Expect(russia.Locator("td").Nth(4)).ToContainTextAsync("ratification revoked");
        await Page.ScreenshotAsync(new() { Path = Screenshot("treaty-ctbt-scope"), FullPage = true });
    }

    [Fact]
    public async Task a_diff_shows_whom_a_suspension_was_toward_before_and_after()
    {
        await Page.GotoAsync("/treaties/cfe?asOf=2024-06-01");
        await Page.FillAsync("#diff-from", "2023-01-01");
        await Page.ClickAsync("#diff-form button[type=submit]");

        var czech = Page.Locator("#diff-table tbody tr:has(td:nth-child(2):text-is('Czech Republic'))");
        await Assertions.Expect(czech.Locator("td").Nth(2)).ToHaveTextAsync("suspended toward Russia, Belarus");
        await Assertions.Expect(czech.Locator("td").Nth(3)).ToHaveTextAsync("suspended");
    }
}

