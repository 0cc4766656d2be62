using System.Net;

namespace TreatyTracker.MixedLoad;

public enum RequestKind
{
    StatusOnDate, StatusPage, Treaty, History, Events, Allegations,
    Statement, Allegation, WriteWithIfMatch, WriteWithStaleIfMatch
}

/// <summary>
/// One request of the load and how it was answered. A write carries the unique summary it asked to record, so
/// the record can be checked afterwards. A request that got no answer at all (a timeout, a refused connection)
/// has no status and says why in <see cref="Body"/>.
/// </summary>
public sealed record LoadAnswer(RequestKind Kind, string Url, HttpStatusCode? Status, string? ContentType, string? Body, double Milliseconds, string? Marker = null, string? TreatyId = null)
{
    public bool IsWrite => Kind >= RequestKind.Statement;

    public bool IsSuccess => Status is { } status && (int)status is >= 200 and < 300;

    /// <summary>What the load accepts: a success, or a conflict over the version of the record.</summary>
    public bool IsExpected => IsSuccess || Status == HttpStatusCode.Conflict;

    public override string ToString() => $"{Kind} {Url}: {(Status is { } s ? ((int)s).ToString() : "no answer")} {Body}";
}
