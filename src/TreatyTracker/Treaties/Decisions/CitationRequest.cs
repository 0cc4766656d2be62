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
}
