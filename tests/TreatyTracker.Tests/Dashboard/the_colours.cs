using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>One meaning per colour: every status its own colour, treaty and party statuses told apart, always named.</summary>
[Collection(DashboardViews.Name)]
public class the_colours(DashboardServer dashboard) : DashboardTest(dashboard)
{
    private static readonly string[] TreatyStatuses = ["not-signed", "signed", "provisionally-applied", "in-force", "terminated", "expired", "superseded", "abandoned"];
    private static readonly string[] PartyStatuses = ["signatory", "ratified", "provisionally-applying", "party", "suspended", "withdrawing", "withdrawn",
        "succeeded", "terminated", "expired", "superseded", "renounced", "abandoned"];

    private Task<string> SwatchAsync(ILocator badge) => badge.EvaluateAsync<string>("b => getComputedStyle(b, '::before').backgroundColor");

    [Fact]
    public async Task every_status_has_a_colour_of_its_own_and_two_legends_name_them()
    {
        await Page.GotoAsync("/");
        var treatyLegend = Page.Locator(".legend[data-scope='treaty'] .badge");
        var partyLegend = Page.Locator(".legend[data-scope='party'] .badge");
        Assert.Equal(TreatyStatuses, await treatyLegend.AllTextContentsAsync());
        Assert.Equal(PartyStatuses, await partyLegend.AllTextContentsAsync());

        var colours = new List<string>();
        foreach (var badge in (await treatyLegend.AllAsync()).Concat(await partyLegend.AllAsync()))
            colours.Add(await SwatchAsync(badge));
        Assert.DoesNotContain("rgba(0, 0, 0, 0)", colours);
        Assert.Equal(colours.Count, colours.Distinct().Count());

        // A treaty's status is a square, a party's a circle, so "terminated" is never read as the other kind.
        Assert.Equal("0px", await treatyLegend.First.EvaluateAsync<string>("b => getComputedStyle(b, '::before').borderRadius"));
        Assert.Equal("50%", await partyLegend.First.EvaluateAsync<string>("b => getComputedStyle(b, '::before').borderRadius"));
    }

    [Fact]
    public async Task a_status_keeps_its_colour_on_the_cards_the_treaty_page_and_the_legend()
    {
        await Page.GotoAsync("/?asOf=2019-05-01");
        await Assertions.Expect(Page.Locator("#timeline-state")).ToBeHiddenAsync(); // the cards are drawn again, in order of start, once the histories are in
        var onCard = await SwatchAsync(Card("inf").Locator("li[data-party='United States'] .badge"));
        var inLegend = await SwatchAsync(Page.Locator(".legend[data-scope='party'] .badge[data-status='withdrawing']"));
        var treatyOnCard = await SwatchAsync(Card("inf").Locator("p .badge").First);
        Assert.Equal(inLegend, onCard);
        Assert.NotEqual(onCard, treatyOnCard);

        await Page.GotoAsync("/treaties/inf?asOf=2019-05-01");
        var inTable = await SwatchAsync(Page.Locator("#parties-table tr[data-party='United States'] .badge"));
        Assert.Equal(onCard, inTable);
        Assert.Equal(treatyOnCard, await SwatchAsync(Page.Locator("#treaty-status .badge")));
    }
}
