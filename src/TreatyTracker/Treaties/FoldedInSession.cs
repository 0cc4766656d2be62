using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace TreatyTracker.Treaties;

/// <summary>
/// The treaty a command folded from its stream, kept with the session that read it, so that the inline
/// projection of the same session's append does not read and fold the stream a second time.
/// </summary>
public static class FoldedInSession
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<string, Treaty>> Folded = new();

    public static void Remember(object session, Treaty treaty) => Folded.GetOrCreateValue(session)[treaty.Id] = treaty;

    /// <summary>The treaty as folded in this session, if it was folded up to <paramref name="version"/>.</summary>
    public static Treaty? Recall(object session, string treatyId, long version) =>
        Folded.TryGetValue(session, out var treaties) && treaties.TryGetValue(treatyId, out var treaty) && treaty.StreamVersion == version ? treaty : null;
}
