using Marten;
using Marten.Services;

namespace TreatyTracker.Treaties.FetchingForWriting;

/// <summary>
/// Once a commit lands, keeps the treaties it appended to as the commit left them: the folds the inline projection
/// made of them (see <see cref="TreatyReadModels"/>). The next write to one of them, or an import, then reads nothing
/// it does not already hold but the events other writers recorded since.
/// </summary>
public sealed class KeepCommittedTreaties(KeptTreaties kept) : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var stream in commit.GetStreams())
            if (stream.Key is not null && FoldedInSession.Recall(session, stream.Key, stream.Version) is { } treaty)
                kept.Keep(treaty);
        return Task.CompletedTask;
    }
}
