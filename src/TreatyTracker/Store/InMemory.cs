using TreatyTracker.Hosting;
using TreatyTracker.Store.Answers;
using TreatyTracker.Store.Kept;

namespace TreatyTracker.Store;

/// <summary>
/// What the store keeps in memory to decide and answer faster: the treaties it last folded (<see cref="KeptTreaties"/>)
/// and the answers it last gave (<see cref="AnswerCache"/>). <c>TreatyTracker:KeepInMemory</c> (default true) is the one
/// switch for both; their sizes are <c>TreatyTracker:KeptTreaties:Facts</c> and <c>TreatyTracker:AnswerCache:MegaBytes</c>.
/// </summary>
public sealed record InMemory(KeptTreaties KeptTreaties, AnswerCache Answers)
{
    public static InMemory From(IConfiguration configuration, InstanceMode mode)
    {
        var on = configuration.GetValue("TreatyTracker:KeepInMemory", true);
        return new InMemory(
            new KeptTreaties(on ? configuration.GetValue("TreatyTracker:KeptTreaties:Facts", 200_000) : 0),
            on ? AnswerCache.For(configuration, mode) : new AnswerCache(0));
    }
}
