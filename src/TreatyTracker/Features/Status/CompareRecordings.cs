using Marten;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Treaties.Decisions;
using TreatyTracker.Treaties.Rules;
using Wolverine.Http;

namespace TreatyTracker.Features.Status;

/// <summary>Where the treaty (<c>Party</c> null) or one party stood on the day, by the earlier record and by the later one.</summary>
public sealed record StandingChange(string? Party, string? Then, DateOnly? SinceThen, string? Now, DateOnly? SinceNow);

/// <summary>
/// The same treaty and day as two instants of the record answer it: <c>Then</c> as recorded by <c>RecordedAt</c> (null when the
/// treaty was not recorded yet), <c>Now</c> as recorded by <c>ComparedWith</c>, and every standing that differs.
/// </summary>
public sealed record RecordComparison(string TreatyId, DateOnly AsOf, DateTimeOffset RecordedAt, DateTimeOffset ComparedWith,
    StatusAsOfResponse? Then, StatusAsOfResponse Now, IReadOnlyList<StandingChange> Changes) : CitedAnswer
{
    /// <summary>Cited with every time fixed, at instants already past: <c>recordedAt</c> no later than the instant the later
    /// record answered through (an instant still to come would let later events into the earlier record), and
    /// <c>comparedWith</c> that instant (never before <c>recordedAt</c>: nothing was recorded between the two).</summary>
    public RecordComparison Cited(string origin)
    {
        var through = Now.RecordedThrough;
        var then = RecordedAt < through ? RecordedAt : through;
        return (this with { Then = Then?.Cited(origin), Now = Now.Cited(origin) }).Cite(origin, $"/api/treaties/{Uri.EscapeDataString(TreatyId)}/status/compare",
            $"status of the {Now.ShortName} on {Citing.Day(AsOf)} as recorded at {then.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC, compared with the same",
            through, ("asOf", Citing.Day(AsOf)), ("recordedAt", Citing.Instant(then)), ("comparedWith", Citing.Instant(through)));
    }

    public static IReadOnlyList<StandingChange> Between(StatusAsOfResponse? then, StatusAsOfResponse now)
    {
        var changes = new List<StandingChange>();
        if (then?.Status != now.Status || then.Since != now.Since)
            changes.Add(new StandingChange(null, Name(then?.Status), then?.Since, Name<TreatyStatus>(now.Status), now.Since));
        var before = (then?.Parties ?? []).ToDictionary(p => p.Name);
        var after = now.Parties.ToDictionary(p => p.Name);
        foreach (var name in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var (was, @is) = (before.GetValueOrDefault(name), after.GetValueOrDefault(name));
            if (was?.Status != @is?.Status || was?.Since != @is?.Since || !(was?.Toward ?? []).SequenceEqual(@is?.Toward ?? []))
                changes.Add(new StandingChange(name, Name(was?.Status), was?.Since, Name(@is?.Status), @is?.Since));
        }
        return changes;
    }

    private static string? Name<TStatus>(TStatus? status) where TStatus : struct, Enum => status is { } known ? StatusNames.Of(known) : null;
}

public static class CompareRecordingsEndpoint
{
    /// <summary>What the record said about a treaty on <c>asOf</c> at the instant <c>recordedAt</c>, against what it says at <c>comparedWith</c> (default now).</summary>
    [WolverineGet("/api/treaties/{id}/status/compare", Name = "CompareRecordings")]
    [EndpointSummary("A treaty on a day as two instants of the record answer it")]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesResponseType<RecordComparison>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(string id, string? asOf, string? recordedAt, string? comparedWith, HttpRequest request, IQuerySession session, TimeProvider clock,
        CancellationToken cancellation)
    {
        var (query, problem) = StatusAsOf.Read(asOf, recordedAt, clock);
        if (problem is not null) return problem.AsResult();
        var errors = new FieldErrors();
        var later = QueryValues.Instant("comparedWith", comparedWith, errors) ?? clock.GetUtcNow();
        if (query!.RecordedAt is null) errors.Add("recordedAt", "is required: the earlier instant of the record");
        else if (later < query.RecordedAt) errors.Add("comparedWith", $"is before recordedAt ({query.RecordedAt:O})");
        if (errors.Any) return Problems.Invalid("The question cannot be answered", errors.ToDictionary()).AsResult();

        var stream = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (StatusAsOf.FromStream(stream, query.AsOf, later) is not { } now)
            return Problems.TreatyNotFound(id, stream.Count == 0 ? null : $"Treaty '{id}' had not been recorded yet at {later:O}.").AsResult();
        var then = StatusAsOf.FromStream(stream, query.AsOf, query.RecordedAt!.Value);
        return JsonAnswer.Of(new RecordComparison(id, query.AsOf, query.RecordedAt.Value, later, then, now, RecordComparison.Between(then, now)).Cited(Citing.Origin(request))).AsResult();
    }
}
