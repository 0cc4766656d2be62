using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>An overview that scales: filters by status and kind, the timeline in order of start.</summary>
[Collection(DashboardViews.Name)]
public class the_overview(DashboardServer dashboard) : DashboardTest(dashboard)
{
    [Fact]
    public async Task the_treaties_filter_by_kind_and_status()
    {
        await Page.GotoAsync("/?asOf=2019-05-01");
        var cards = Page.Locator("article.card");
        await Assertions.Expect(Card("inf")).ToBeVisibleAsync();
        var all = await cards.CountAsync();

        await Page.SelectOptionAsync("#filter-kind", "multilateral");
        await Assertions.Expect(Card("inf")).ToHaveCountAsync(0);
        await Assertions.Expect(Card("open-skies")).ToBeVisibleAsync();
        var kinds = await Page.EvaluateAsync<string[]>("async () => (await (await fetch('/api/treaties')).json()).filter(t => t.kind === 'multilateral').map(t => t.id)");
        Assert.Equal(kinds.Order(), (await cards.EvaluateAllAsync<string[]>("cs => cs.map(c => c.dataset.treaty)")).Order());

        // A status of the filter that no treaty has on the day, as the API answers it.
        var absent = await Page.EvaluateAsync<string?>("""
            async () => {
              const held = new Set((await (await fetch('/api/status?asOf=2019-05-01&pageSize=1000')).json()).treaties.map(t => t.status));
              return [...document.querySelectorAll('#filter-status option')].map(o => o.value).find(v => v && !held.has(v)) ?? null;
            }
            """);
        Assert.NotNull(absent);
        await Page.SelectOptionAsync("#filter-kind", "");
        await Page.SelectOptionAsync("#filter-status", absent);
        await Assertions.Expect(cards).ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#cards")).ToHaveTextAsync("No treaty matches these filters.");
        await Assertions.Expect(Page.Locator("#filter-count")).ToHaveTextAsync($"0 of {all} treaties");

        await Page.SelectOptionAsync("#filter-status", "in-force");
        await EachAsync(cards.Locator("p .badge.treaty"), status => Assert.Equal("in-force", status));
    }

    [Fact]
    public async Task the_timeline_and_the_cards_are_in_order_of_start()
    {
        await Page.GotoAsync("/?asOf=2019-05-01");
        await Assertions.Expect(Page.Locator("#timeline-state")).ToBeHiddenAsync();
        var firstDates = await Page.EvaluateAsync<string[]>("""
            async () => {
              const ids = [...document.querySelectorAll("article.card")].map(c => c.dataset.treaty);
              const histories = await Promise.all(ids.map(async id => (await fetch(`/api/treaties/${id}/history`)).json()));
              return histories.map(h => h.intervals.find(i => i.status !== "not-signed").from);
            }
            """);
        Assert.True(firstDates.Length >= 3);
        Assert.Equal(firstDates.Order(StringComparer.Ordinal), firstDates);
        var rows = await Page.Locator("#timeline-table tbody tr td:first-child").AllTextContentsAsync();
        Assert.Equal(await Page.Locator("article.card h3").AllTextContentsAsync(), rows.Distinct());
        await Page.ScreenshotAsync(new() { Path = Screenshot("overview-sorted"), FullPage = true });
    }

    [Theory]
    [InlineData("start-ii", "answers")]
    [InlineData("adapted-cfe", "amends")]
    [InlineData("sort", "superseded by")]
    public async Task every_card_s_links_to_other_treaties_are_links_with_their_relation_in_words(string treaty, string relation)
    {
        await Page.GotoAsync("/?asOf=2026-12-01");
        var links = Card(treaty).Locator(".links");

        await Assertions.Expect(links).ToContainTextAsync(relation);
        await Assertions.Expect(links).Not.ToContainTextAsync(",");
        await Assertions.Expect(links).Not.ToContainTextAsync("http");
        await EachAsync(links.Locator("a"), text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.All(await links.Locator("a").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))"),
            href => Assert.StartsWith("/treaties/", href));
        await Card(treaty).ScreenshotAsync(new() { Path = Screenshot($"card-{treaty}-links") });
    }

    [Fact]
    public async Task a_card_says_when_its_record_follows_only_some_states()
    {
        await Page.GotoAsync("/?asOf=2026-12-01");

        await Assertions.Expect(Card("ctbt").Locator(".scope-note")).ToHaveTextAsync("This record follows only United States and Russia: the acts of other states are not recorded.");
        await Assertions.Expect(Card("inf").Locator(".scope-note")).ToHaveCountAsync(0);
        await Card("ctbt").ScreenshotAsync(new() { Path = Screenshot("card-ctbt-scope") });
    }
}
