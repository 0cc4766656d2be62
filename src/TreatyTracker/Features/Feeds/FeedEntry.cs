using Marten;
using TreatyTracker.Features.Record;
using TreatyTracker.Treaties;

namespace TreatyTracker.Features.Feeds;

/// <summary>
/// One entry of a feed: a recorded event, with the entries it speaks of: a retraction's target; for the event a correction
/// recorded, the retraction recorded with it (<c>…/correction</c> records the two together, the retraction first); for a
/// consequence the server recorded, its cause.
/// </summary>
public sealed record FeedEntry(RecordEntryRow Row, RecordEntryRow? Retracted = null, Correction? Correction = null, RecordEntryRow? Cause = null)
{
    public string ShortName => Row.ShortName;

    /// <summary>What the entry says happened, in plain words: a retraction names its target, a correction says it is one.</summary>
    public string Words => Row.Event switch
    {
        EventRetracted retraction => EventWords.Retraction(retraction, Retracted?.Event),
        var fact when Correction is not null => $"corrected: {EventWords.Of(fact)}",
        var fact => EventWords.Of(fact)
    };

    /// <summary>The newest <paramref name="size"/> of <paramref name="rows"/> (newest first, as <see cref="RecordQuery"/> reads them; one
    /// more when there is one, to see whether the last is a correction), with the rows they speak of read by id.</summary>
    public static async Task<IReadOnlyList<FeedEntry>> OfAsync(IQuerySession session, IReadOnlyList<RecordEntryRow> rows, int size, CancellationToken cancellation)
    {
        var shown = rows.Take(size).ToList();
        var retractions = shown.Select((row, i) => i + 1 < rows.Count ? RecordedWith(rows[i + 1], row) : null).ToList();
        var about = shown.Select((row, i) => (retractions[i]?.Event ?? row.Event) switch
        {
            EventRetracted retraction => retraction.EventId,
            IConsequence { FollowsFrom: { } cause } when IsConsequence(row) => cause,
            _ => (Guid?)null
        }).ToList();
        var ids = about.OfType<Guid>().Distinct().ToArray();
        var known = ids.Length == 0 ? [] : (await session.LoadManyAsync<RecordEntryRow>(cancellation, ids)).ToDictionary(r => r.Id);
        RecordEntryRow? Known(int i) => about[i] is { } id ? known.GetValueOrDefault(id) : null;

        return shown.Select((row, i) =>
            row.Event is EventRetracted ? new FeedEntry(row, Retracted: Known(i))
            : retractions[i] is { } retraction ? new FeedEntry(row, Correction: new Correction(retraction, Known(i)))
            : IsConsequence(row) ? new FeedEntry(row, Cause: Known(i))
            : new FeedEntry(row)).ToList();
    }

    /// <summary><paramref name="before"/>, when it is the retraction recorded just before <paramref name="row"/> (not itself a
    /// retraction or a consequence) in the same append: a correction.</summary>
    private static RecordEntryRow? RecordedWith(RecordEntryRow before, RecordEntryRow row) =>
        before.Event is EventRetracted && row.Event is not EventRetracted && !IsConsequence(row)
        && before.TreatyId == row.TreatyId && before.Version == row.Version - 1 && before.RecordedAt == row.RecordedAt
            ? before : null;

    private static bool IsConsequence(RecordEntryRow row) => new RecordedFact(row.Id, row.Version, row.RecordedAt, row.Event, row.RecordedBy).IsConsequence;
}

/// <summary>A correction: the retraction recorded with the corrected event, and the entry it retracted (when the record has it).</summary>
public sealed record Correction(RecordEntryRow Retraction, RecordEntryRow? Corrected);
