using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using TreatyTracker.Hosting;

namespace TreatyTracker.Store.Answers;

/// <summary>An answer as kept: its bytes and the strong ETag of them.</summary>
public sealed record KeptAnswer(byte[] Body, string ETag);

/// <summary>
/// Keeps serialized answers about a treaty in memory until the treaty changes (answers about every treaty, until
/// any changes). It is on only while this instance hears every change: its own commits forget at once (before the
/// write is answered), other instances' through PostgreSQL's NOTIFY, and while the listening connection is down
/// nothing is kept or served.
/// </summary>
/// <remarks>
/// Each answer is kept with the treaty's change count (and the cache's epoch) as they stood <em>before</em> the
/// database was read, and served only while both are unchanged: a read that raced a commit is never served later.
/// </remarks>
public sealed class AnswerCache : IDisposable
{
    private sealed record Kept(long Epoch, long Changes, KeptAnswer Answer);

    private readonly MemoryCache? _answers;
    private readonly ConcurrentDictionary<string, long> _changes = new(StringComparer.Ordinal);
    private long _everyTreatyChanges;
    private long _epoch;
    private volatile bool _hearing;

    /// <param name="megaBytes">Memory for kept answers; 0 keeps none.</param>
    public AnswerCache(int megaBytes)
    {
        if (megaBytes > 0) _answers = new MemoryCache(new MemoryCacheOptions { SizeLimit = megaBytes * 1024L * 1024L });
    }

    /// <summary>
    /// <c>TreatyTracker:AnswerCache:MegaBytes</c> (default 64). Off on a read-only instance that hears changes from
    /// another server than it reads from: a replica hearing the primary could hear of a commit before replaying it, and
    /// would keep the older answer as new. (An instance on the primary may hear through a connection string of its own,
    /// e.g. one that bypasses a pooler.)
    /// </summary>
    public static AnswerCache For(IConfiguration configuration, InstanceMode mode) =>
        new(!mode.Writes && mode.Notifications != mode.Database ? 0 : configuration.GetValue("TreatyTracker:AnswerCache:MegaBytes", 64));

    /// <summary>The subject of answers about every treaty, forgotten when any treaty changes. Null, so that no treaty
    /// id (a route value: anything at all) can reach these answers.</summary>
    public const string? EveryTreaty = null;

    /// <summary>Whether answers are kept and served right now.</summary>
    public bool IsOn => _answers is not null && _hearing;

    /// <summary>The kept answer to <paramref name="question"/> about the treaty (or <see cref="EveryTreaty"/>), else
    /// <paramref name="read"/>'s (kept unless null).</summary>
    public async Task<KeptAnswer?> AnswerAsync(string? treatyId, string question, Func<Task<KeptAnswer?>> read)
    {
        if (!IsOn || _answers is not { } answers) return await read();

        var epoch = Interlocked.Read(ref _epoch);
        var changes = treatyId is null ? Interlocked.Read(ref _everyTreatyChanges) : _changes.GetValueOrDefault(treatyId);
        var key = (treatyId, question);
        if (answers.TryGetValue(key, out Kept? kept) && kept!.Epoch == epoch && kept.Changes == changes) return kept.Answer;

        var answer = await read();
        if (answer is not null)
            answers.Set(key, new Kept(epoch, changes, answer), new MemoryCacheEntryOptions { Size = answer.Body.Length + 2 * ((treatyId?.Length ?? 0) + question.Length) + 128 });
        return answer;
    }

    /// <summary>The treaty's record changed (committed): its answers, and those about every treaty, are forgotten.</summary>
    public void Forget(string treatyId)
    {
        _changes.AddOrUpdate(treatyId, 1, (_, count) => count + 1);
        Interlocked.Increment(ref _everyTreatyChanges);
    }

    /// <summary>Anything may have changed: read models rebuilt, or changes missed while not listening.</summary>
    public void ForgetEverything()
    {
        Interlocked.Increment(ref _epoch);
        _answers?.Compact(1.0);
    }

    /// <summary>Called by the listener when it starts or stops hearing: nothing kept before is trusted after.</summary>
    public void Hearing(bool hearing)
    {
        // On both sides of the switch, so that however a request interleaves with it, an answer it read while
        // changes could be missed carries an epoch that is already past.
        ForgetEverything();
        _hearing = hearing;
        ForgetEverything();
    }

    public void Dispose() => _answers?.Dispose();
}
