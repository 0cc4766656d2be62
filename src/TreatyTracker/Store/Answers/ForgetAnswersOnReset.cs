using Marten;
using Marten.Schema;

namespace TreatyTracker.Store.Answers;

/// <summary>Emptying the store (as tests do between cases) is not a change anybody hears of: every kept answer is
/// forgotten with it. Marten runs this after it resets its data.</summary>
public sealed class ForgetAnswersOnReset(AnswerCache answers) : IInitialData
{
    public Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        answers.ForgetEverything();
        return Task.CompletedTask;
    }
}
