using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using TreatyTracker.Features.Record;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.Feeds;

/// <summary>What a feed is about: its key (which names its id), title, subtitle and the dashboard page that shows the same.</summary>
/// <param name="Key">Stable across hosts and releases: <c>record</c>, <c>treaty/inf</c>, <c>state/USSR</c>.</param>
/// <param name="EmptySince">The feed's <c>updated</c> while it has no entry: an instant of the data (a treaty's registration), never "now".</param>
public sealed record FeedHead(string Key, string Title, string Subtitle, string Page, DateTimeOffset EmptySince);

/// <summary>
/// An Atom feed (RFC 4287) of recorded events, written as XML with absolute links under <paramref name="site"/> (the
/// request's scheme, host and path base). Entry ids are <c>urn:uuid:</c> of the event's id, so an event is the same entry
/// in every feed, from every host, forever; a feed's id is a name-based UUID of its key.
/// </summary>
public static class AtomFeed
{
    public const string ContentType = "application/atom+xml";

    /// <summary>How many entries a feed has: the newest this many recorded events.</summary>
    public const int Size = 50;

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>The namespace of the feeds' name-based ids (RFC 9562, version 5).</summary>
    private static readonly Guid FeedNamespace = new("b90c4a19-1f91-4e64-8049-13c296269131");

    public const string Product = "TreatyTracker";

    public static byte[] Write(FeedHead head, IReadOnlyList<FeedEntry> entries, string site, string self)
    {
        var feed = new XElement(Atom + "feed", new XAttribute(XNamespace.Xml + "lang", "en"),
            new XElement(Atom + "id", $"urn:uuid:{NameBased(head.Key)}"),
            new XElement(Atom + "title", Text(head.Title)),
            new XElement(Atom + "subtitle", Text(head.Subtitle)),
            new XElement(Atom + "updated", Instant(Updated(head, entries))),
            Link("self", self, ContentType),
            Link("alternate", site + head.Page, "text/html"),
            new XElement(Atom + "author", new XElement(Atom + "name", Product)),
            new XElement(Atom + "generator", Product),
            entries.Select(entry => Entry(entry, site)));

        using var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            new XDocument(feed).Save(writer);
        return bytes.ToArray();
    }

    /// <summary>The time of the feed's newest entry, or its <see cref="FeedHead.EmptySince"/>.</summary>
    public static DateTimeOffset Updated(FeedHead head, IReadOnlyList<FeedEntry> entries) =>
        entries.Count == 0 ? head.EmptySince : entries.Max(e => e.Row.RecordedAt);

    private static XElement Entry(FeedEntry entry, string site)
    {
        var row = entry.Row;
        var fact = row.Event;
        var treaty = Uri.EscapeDataString(row.TreatyId);
        var summary = fact.Summary ?? (fact as EventRetracted)?.Reason;
        return new XElement(Atom + "entry",
            new XElement(Atom + "id", $"urn:uuid:{row.Id}"),
            new XElement(Atom + "title", Text($"{entry.ShortName}: {entry.Words}")),
            new XElement(Atom + "updated", Instant(row.RecordedAt)),
            new XElement(Atom + "published", Instant(row.RecordedAt)),
            new XElement(Atom + "author", new XElement(Atom + "name", Text(row.RecordedBy ?? Product))),
            Link("alternate", $"{site}/treaties/{treaty}?asOf={fact.On:yyyy-MM-dd}", "text/html"),
            Link("alternate", $"{site}/api/treaties/{treaty}/events/{row.Id}", "application/json"),
            Sources(fact).Where(s => WebUrl(s.Url) is not null).Select(s => Link("related", WebUrl(s.Url)!, null, s.Title)),
            new XElement(Atom + "category", new XAttribute("term", row.Type), new XAttribute("label", row.Type.Replace('-', ' '))),
            summary is null ? null : new XElement(Atom + "summary", Text(summary)),
            new XElement(Atom + "content", new XAttribute("type", "xhtml"), Content(entry)));
    }

    /// <summary>The entry in a few paragraphs: what happened, its summary, what it retracts or corrects, its sources, who recorded it.</summary>
    private static XElement Content(FeedEntry entry)
    {
        var row = entry.Row;
        var fact = row.Event;
        XElement Paragraph(params object?[] content) => new(Xhtml + "p", content);
        return new XElement(Xhtml + "div",
            Paragraph(Text($"{Capitalized(entry.Words)}.")),
            fact.Summary is { } summary ? Paragraph(Text(summary)) : null,
            fact is EventRetracted retraction
                ? Paragraph(Text($"Retracts {Named(entry.Retracted, retraction.EventId)}. Reason: {retraction.Reason}"))
                : null,
            entry.Correction is { Retraction: { Event: EventRetracted withdrawn } } correction
                ? Paragraph(Text($"Corrects {Named(correction.Corrected, withdrawn.EventId)}, retracted with it. Reason: {withdrawn.Reason}"))
                : null,
            fact is IConsequence { FollowsFrom: { } cause }
                ? Paragraph(Text($"Recorded by the server when it fell due: it follows from {Named(entry.Cause, cause)}."))
                : null,
            Sources(fact).Any() ? Paragraph(Text("Sources: "), Sources(fact).Select((source, i) => new object?[] { i > 0 ? "; " : null, Source(source) })) : null,
            Paragraph(Text($"Recorded at {Instant(row.RecordedAt)} by {row.RecordedBy ?? Product}, as version {row.Version} of the record of {row.ShortName} (event {row.Id}).")));
    }

    private static string Named(RecordEntryRow? row, Guid id) => row is null ? $"event {id}" : $"the event \"{EventWords.Of(row.Event)}\" ({id})";

    private static object Source(Citation source)
    {
        var published = source.PublishedOn is { } on ? $" (published {on:yyyy-MM-dd})" : "";
        return WebUrl(source.Url) is { } url
            ? new object[] { new XElement(Xhtml + "a", new XAttribute("href", url), Text(source.Title)), Text(published) }
            : Text(source.Url is null ? source.Title + published : $"{source.Title}, {source.Url}{published}");
    }

    private static IEnumerable<Citation> Sources(TreatyEvent fact) => [.. fact.Source is { } source ? [source] : Array.Empty<Citation>(), .. fact.OtherSources ?? []];

    /// <summary>A source's URL as a link only when it is an absolute http(s) URL; anything else is shown as text.</summary>
    private static string? WebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? Text(uri.AbsoluteUri) : null;

    private static XElement Link(string rel, string href, string? type, string? title = null) => new(Atom + "link",
        new XAttribute("rel", rel), new XAttribute("href", href), type is null ? null : new XAttribute("type", type),
        title is null ? null : new XAttribute("title", Text(title)));

    /// <summary>RFC 3339, UTC, to the tick the record keeps.</summary>
    private static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string Capitalized(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    /// <summary>Text as XML 1.0 can carry it: a character it cannot (a lone surrogate, U+FFFE …) becomes U+FFFD.</summary>
    private static string Text(string text)
    {
        StringBuilder? cleaned = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c)) { cleaned?.Append(c); continue; }
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                cleaned?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            cleaned ??= new StringBuilder(text, 0, i, text.Length);
            cleaned.Append('\uFFFD');
        }
        return cleaned?.ToString() ?? text;
    }

    /// <summary>A name-based UUID (RFC 9562, version 5) of <paramref name="name"/> in the feeds' namespace.</summary>
    private static Guid NameBased(string name)
    {
        Span<byte> space = stackalloc byte[16];
        FeedNamespace.TryWriteBytes(space, bigEndian: true, out _);
        var hash = SHA1.HashData([.. space, .. Encoding.UTF8.GetBytes(name)]);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
