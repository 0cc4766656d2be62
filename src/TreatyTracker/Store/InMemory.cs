using TreatyTracker.Hosting;
using TreatyTracker.Store.Answers;
using TreatyTracker.Store.Kept;
using TreatyTracker.Treaties.Rules;

namespace TreatyTracker.Store;

/// <summary>What the store keeps in memory to answer and decide faster, as configured.</summary>
public sealed record InMemory(KeptTreaties KeptTreaties, AnswerCache Answers, bool BufferedJsonReads)
{
    public static InMemory From(IConfiguration configuration, InstanceMode mode)
    {
        StatusFold.ContinueFolds = configuration.GetValue("TreatyTracker:Speed:ContinueFolds", true);
        return new InMemory(
            new KeptTreaties(configuration.GetValue("TreatyTracker:KeptTreaties:Facts", 200_000)),
            AnswerCache.For(configuration, mode),
            configuration.GetValue("TreatyTracker:Speed:BufferedJsonReads", true));
    }
}
