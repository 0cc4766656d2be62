namespace TreatyTracker.Exchange;

/// <summary>
/// The exchange format that <c>POST /api/import</c> reads and <c>treaty export</c> writes: one row per treaty
/// registration or event. In CSV these are the columns, by the JSON field names of a row; lists are separated by
/// <see cref="ListSeparator"/>, and a row's source is spread over the three <c>source…</c> columns.
/// </summary>
public static class ExchangeColumns
{
    /// <summary>The row type that registers a treaty instead of recording an event.</summary>
    public const string Registration = "treaty-registered";

    public const char ListSeparator = ';';

    /// <summary>The fields of a registration row besides <c>treaty</c> and <c>type</c>: the treaty's terms (a succession's
    /// <c>kind</c> shares its column with the treaty's).</summary>
    public static readonly IReadOnlyList<string> TermsFields = ["name", "shortName", "kind", "withdrawalNoticePeriod", "term"];

    /// <summary>Fields whose value is a list of names.</summary>
    public static readonly IReadOnlyList<string> ListFields = ["parties", "toward", "follows"];

    /// <summary>Fields whose value is a list of objects: in CSV, a JSON array.</summary>
    public static readonly IReadOnlyList<string> JsonFields = ["otherSources", "links"];

    /// <summary>The CSV columns of a row's <c>source</c> object, by its field names.</summary>
    public static readonly IReadOnlyDictionary<string, string> SourceColumns = new Dictionary<string, string>
    {
        ["sourceTitle"] = "title", ["sourceUrl"] = "url", ["sourcePublishedOn"] = "publishedOn"
    };

    /// <summary>Every CSV column, in the order an export writes them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "id", "treaty", "type", "on", "summary", "sourceTitle", "sourceUrl", "sourcePublishedOn", "parties", "party", "toward",
        "accuser", "accused", "effectiveOn", "expiresOn", "by", "eventId", "reason", .. TermsFields,
        "certainty", "otherSources", "successor", "predecessor", "followsFrom", "links", "follows"
    ];
}
