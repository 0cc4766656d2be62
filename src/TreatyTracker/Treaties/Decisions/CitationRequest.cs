namespace TreatyTracker.Treaties.Decisions;

/// <summary>A source as a request spells it; see <see cref="CitationMapping"/>.</summary>
public sealed record CitationRequest(string? Title, string? Url, DateOnly? PublishedOn);

public static class CitationMapping
{
    public const int MaxTitleLength = 300;

    public static Citation? ToCitation(CitationRequest? source, FieldErrors errors, string field = "source")
    {
        if (source is null) return null;
        var title = errors.Text($"{field}.title", source.Title, required: true, MaxTitleLength);
        var url = errors.Text($"{field}.url", source.Url, required: false);
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            errors.Add($"{field}.url", "must be an absolute http(s) URL");
        if (source.PublishedOn is not null) errors.Date($"{field}.publishedOn", source.PublishedOn);
        return new Citation(title ?? "", url, source.PublishedOn);
    }

    public const int MaxOtherSources = 20;

    /// <summary>An event's sources besides its primary one; null when there are none.</summary>
    public static IReadOnlyList<Citation>? ToOtherSources(IReadOnlyList<CitationRequest?>? sources, FieldErrors errors)
    {
        if (sources is null || sources.Count == 0) return null;
        if (sources.Count > MaxOtherSources) errors.Add("otherSources", $"lists more than {MaxOtherSources} sources");
        var citations = new List<Citation>();
        for (var i = 0; i < sources.Count; i++)
            if (sources[i] is null) errors.Add($"otherSources[{i}]", "must be a source {title, url?, publishedOn?}");
            else citations.Add(ToCitation(sources[i], errors, $"otherSources[{i}]")!);
        return citations;
    }
}
