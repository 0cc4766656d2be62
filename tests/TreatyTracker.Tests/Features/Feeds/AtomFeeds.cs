using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using Xunit;

namespace TreatyTracker.Tests.Features.Feeds;

/// <summary>A feed as a feed reader gets it: the status, the headers and the XML, read by .NET's own Atom parser.</summary>
public sealed record AtomResponse(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders Content)
{
    public SyndicationFeed Feed
    {
        get
        {
            using var reader = XmlReader.Create(new StringReader(Body));
            var formatter = new Atom10FeedFormatter();
            Assert.True(formatter.CanRead(reader), "not an Atom 1.0 feed");
            formatter.ReadFrom(reader);
            return formatter.Feed;
        }
    }

    public IReadOnlyList<SyndicationItem> Items => [.. Feed.Items];

    public string ETag => Headers.ETag!.Tag;

    /// <summary>The feed's <c>updated</c> as written: the parser keeps whole seconds only.</summary>
    public DateTimeOffset Updated => Instant(XDocument.Parse(Body).Root!);

    /// <summary>Each entry's <c>updated</c> and <c>published</c>, as written.</summary>
    public IReadOnlyList<(DateTimeOffset Updated, DateTimeOffset Published)> EntryTimes => [.. XDocument.Parse(Body).Root!.Elements(AtomFeeds.Atom + "entry")
        .Select(e => (Instant(e), DateTimeOffset.Parse(e.Element(AtomFeeds.Atom + "published")!.Value, CultureInfo.InvariantCulture)))];

    private static DateTimeOffset Instant(XElement element) => DateTimeOffset.Parse(element.Element(AtomFeeds.Atom + "updated")!.Value, CultureInfo.InvariantCulture);
}

public static class AtomFeeds
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    public static async Task<AtomResponse> GetFeedAsync(this HttpClient client, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return new AtomResponse(response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers,
            response.Content.Headers);
    }

    /// <summary>A feed read and checked: 200, <c>application/atom+xml</c>, and the rules of RFC 4287 a parser may let pass.</summary>
    public static async Task<AtomResponse> ReadFeedAsync(this HttpClient client, string url)
    {
        var feed = await client.GetFeedAsync(url);
        Assert.True(feed.Status == HttpStatusCode.OK, $"{url} answered {(int)feed.Status}: {feed.Body}");
        Assert.Equal("application/atom+xml", feed.Content.ContentType?.MediaType);
        Assert.Equal("utf-8", feed.Content.ContentType?.CharSet);
        FollowsAtomRules(XDocument.Parse(feed.Body));
        return feed;
    }

    /// <summary>
    /// RFC 4287's rules for what the feeds use: the namespace; exactly one id (an absolute IRI), title and updated (an
    /// RFC 3339 instant) on the feed and on each entry; an author for each entry; a self link; links with an href, and
    /// no two alternates of one entry of the same type; xhtml content as one XHTML div; entry ids unique.
    /// </summary>
    public static void FollowsAtomRules(XDocument document)
    {
        var feed = document.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        RequiredOnce(feed, "feed");
        Assert.Single(feed.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        var feedHasAuthor = feed.Elements(Atom + "author").Any();
        var entries = feed.Elements(Atom + "entry").ToList();
        foreach (var entry in entries)
        {
            var id = RequiredOnce(entry, "entry");
            Assert.True(feedHasAuthor || entry.Elements(Atom + "author").Any(), $"entry {id} has no author");
            foreach (var author in entry.Elements(Atom + "author")) Assert.False(string.IsNullOrWhiteSpace((string?)author.Element(Atom + "name")), $"entry {id}: an author without a name");
            var alternates = entry.Elements(Atom + "link").Where(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate").ToList();
            Assert.Equal(alternates.Count, alternates.Select(l => (string?)l.Attribute("type")).Distinct().Count());
            foreach (var content in entry.Elements(Atom + "content").Where(c => (string?)c.Attribute("type") == "xhtml"))
                Assert.Equal(Xhtml + "div", Assert.Single(content.Elements()).Name);
        }
        foreach (var link in feed.Descendants(Atom + "link"))
            Assert.True(Uri.TryCreate((string?)link.Attribute("href"), UriKind.Absolute, out _), $"link without an absolute href: {link}");
        Assert.Equal(entries.Count, entries.Select(e => (string)e.Element(Atom + "id")!).Distinct().Count());
    }

    private static string RequiredOnce(XElement element, string what)
    {
        foreach (var name in new[] { "id", "title", "updated" })
            Assert.True(element.Elements(Atom + name).Count() == 1, $"a {what} needs exactly one {name}: {element.Element(Atom + "id")?.Value}");
        var id = element.Element(Atom + "id")!.Value;
        Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _), $"a {what} id is not an absolute IRI: {id}");
        Assert.False(string.IsNullOrWhiteSpace(element.Element(Atom + "title")!.Value), $"{what} {id} has an empty title");
        var updated = element.Element(Atom + "updated")!.Value;
        Assert.True(DateTimeOffset.TryParseExact(updated, ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK"], CultureInfo.InvariantCulture,
            DateTimeStyles.None, out _) && updated.EndsWith('Z'), $"{what} {id}: updated '{updated}' is not an RFC 3339 instant in UTC");
        return id;
    }

    public static string Title(this SyndicationItem item) => item.Title.Text;

    public static Uri Link(this SyndicationItem item, string rel, string? type = null) =>
        Assert.Single(item.Links, l => l.RelationshipType == rel && (type is null || l.MediaType == type)).Uri;

    public static string Text(this SyndicationItem item) => ((TextSyndicationContent)item.Content).Text;
}
