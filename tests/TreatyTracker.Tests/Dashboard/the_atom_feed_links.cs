using System.Xml.Linq;
using Microsoft.Playwright;
using TreatyTracker.Tests.Features.Feeds;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>Each page that shows a part of the record names its Atom feed, for feed readers and as a link in its bar.</summary>
[Collection(DashboardViews.Name)]
public class the_atom_feed_links(DashboardServer dashboard) : DashboardTest(dashboard)
{
    [Theory]
    [InlineData("/?asOf=2019-05-01", "/api/feeds/record.atom", "TreatyTracker: what is new in the record")]
    [InlineData("/record", "/api/feeds/record.atom", "TreatyTracker: what is new in the record")]
    [InlineData("/treaties/inf?asOf=2019-05-01", "/api/feeds/treaties/inf.atom", "TreatyTracker: what is new for INF Treaty")]
    [InlineData("/states/United%20States", "/api/feeds/states/United%20States.atom", "TreatyTracker: what is new for United States")]
    public async Task a_page_names_the_feed_of_what_it_shows(string page, string feed, string title)
    {
        await Page.GotoAsync(page);

        var shown = Page.Locator("header.bar a.feed");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(shown).ToHaveTextAsync("Atom feed");
        await Assertions.Expect(shown).ToHaveAttributeAsync("href", feed);
        await Assertions.Expect(Page.Locator("head link[rel=alternate][type='application/atom+xml']")).ToHaveAttributeAsync("href", feed);
        await Page.Locator("header.bar").ScreenshotAsync(new() { Path = Screenshot($"feed-link{page.Split('?')[0].Replace('/', '-').Replace("%20", "-")}") });

        var answer = await Page.EvaluateAsync<string[]>(
            "async url => { const r = await fetch(url); return [String(r.status), r.headers.get('content-type'), await r.text()]; }", feed);
        Assert.Equal("200", answer[0]);
        Assert.StartsWith("application/atom+xml", answer[1]);
        var document = XDocument.Parse(answer[2]);
        AtomFeeds.FollowsAtomRules(document);
        Assert.Equal(title, document.Root!.Element(AtomFeeds.Atom + "title")!.Value);
    }
}
