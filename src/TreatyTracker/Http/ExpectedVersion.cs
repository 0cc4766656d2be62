using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace TreatyTracker.Http;

/// <summary>
/// Optimistic concurrency for writers that say which version of a treaty's record they saw: the
/// <c>If-Match</c> header (<c>"7"</c>) or a <c>version</c> field. A stale one is a 409 and nothing is appended.
/// </summary>
public static class ExpectedVersion
{
    public const string Header = "If-Match";

    public static ProblemDetails? Problem(long currentVersion, long? bodyVersion, HttpRequest request)
    {
        var header = request.Headers[Header].ToString();
        long? expected = bodyVersion;
        if (!string.IsNullOrWhiteSpace(header) && header != "*")
        {
            if (!long.TryParse(header.Trim().Trim('"').Replace("W/", "").Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var fromHeader))
                return Problems.Invalid("The event cannot be recorded", Header, "must be the treaty's version, such as \"7\"");
            if (expected is not null && expected != fromHeader)
                return Problems.Invalid("The event cannot be recorded", "version", "differs from If-Match");
            expected = fromHeader;
        }

        return expected is null || expected == currentVersion
            ? null
            : Problems.Conflict($"The treaty's record is at version {currentVersion}, not {expected}: it changed since you read it. Nothing was recorded.");
    }
}

/// <summary>An endpoint that checks <see cref="ExpectedVersion"/>: the contract lists its <c>If-Match</c> header.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HonoursIfMatchAttribute : Attribute;
