using Marten;
using Marten.Services;

namespace TreatyTracker.Store.Answers;

/// <summary>A commit through this instance forgets its treaties' answers before the write is answered, so a client
/// reads its own write at once; other instances hear of it through NOTIFY.</summary>
public sealed class ForgetChangedTreaties(AnswerCache cache) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var stream in commit.GetStreams())
            if (stream.Key is not null && stream.Events.Count > 0) cache.Forget(stream.Key);
        return Task.CompletedTask;
    }
}
