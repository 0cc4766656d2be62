namespace TreatyTracker.Http;

/// <summary>
/// An answer that can be quoted: when the last event of the record it follows from was recorded, an absolute permalink that
/// fixes every time the answer depends on (the day asked and the instant of the record), and a citation to paste.
/// </summary>
public abstract record CitedAnswer
{
    /// <summary>When the last event of the record this answer follows from was recorded.</summary>
    public DateTimeOffset RecordedThrough { get; init; }

    /// <summary>This answer for good: opened later, after new events, it gives exactly this answer.</summary>
    public string Permalink { get; init; } = "";

    /// <summary>"TreatyTracker, WHAT as recorded at R UTC, PERMALINK, accessed …": the reader puts the day of access for the ellipsis.</summary>
    public string Citation { get; init; } = "";
}

/// <summary>The one way to build a permalink and a citation, from the request's own address.</summary>
public static class Citing
{
    /// <summary>The citation's last words: the day of access is the reader's (the answer itself must not change with it).</summary>
    public const string Accessed = "accessed …";

    /// <summary>Scheme, host and path base of the request, as the client addressed the server.</summary>
    public static string Origin(HttpRequest request) => $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}";

    /// <summary>An instant as the permalinks write it: UTC to the microsecond, as PostgreSQL keeps it.</summary>
    public static string Instant(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");

    /// <summary>An absolute link to <paramref name="path"/> with the query's values escaped; null values are left out.</summary>
    public static string Link(string origin, string path, params (string Name, string? Value)[] query)
    {
        var parameters = string.Join("&", query.Where(q => q.Value is not null).Select(q => $"{q.Name}={Uri.EscapeDataString(q.Value!)}"));
        return $"{origin}{path}{(parameters.Length > 0 ? "?" : "")}{parameters}";
    }

    /// <param name="what">What the answer is, e.g. "status of the INF Treaty on 2019-02-01".</param>
    /// <param name="query">Every parameter the answer depends on, with its value fixed; null values are left out.</param>
    public static T Cite<T>(this T answer, string origin, string path, string what, DateTimeOffset recordedThrough,
        params (string Name, string? Value)[] query) where T : CitedAnswer
    {
        var permalink = Link(origin, path, query);
        return answer with
        {
            RecordedThrough = recordedThrough,
            Permalink = permalink,
            Citation = $"TreatyTracker, {what} as recorded at {recordedThrough.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, {permalink}, {Accessed}"
        };
    }
}
