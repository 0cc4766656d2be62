using Marten;
using TreatyTracker.Treaties.GettingStatus;
using TreatyTracker.Treaties.ListingDeadlines;
using Wolverine;

namespace TreatyTracker.Treaties.ActingOnDeadlines;

/// <summary>
/// On start-up, records every transition that fell due while nothing was running (or whose reminder was
/// never scheduled, as for data restored or imported): the same handler as the scheduled reminders.
/// </summary>
public sealed class DeadlineCatchUp(IDocumentStore store, IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineCatchUp> logger) : IHostedService
{
    public async Task<int> CatchUpAsync(CancellationToken cancellation)
    {
        var today = Today.From(clock);
        IReadOnlyList<DeadlineRow> overdue;
        await using (var session = store.QuerySession())
            overdue = await session.Query<DeadlineRow>().Where(d => d.On <= today && !d.Recorded).OrderBy(d => d.On).ToListAsync(cancellation);

        using var scope = scopes.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var deadline in overdue)
            await bus.InvokeAsync(new RecordDueTransition(deadline.TreatyId, deadline.On, deadline.Kind, deadline.Party), cancellation);
        if (overdue.Count > 0) logger.LogInformation("Caught up {Count} overdue deadlines", overdue.Count);
        return overdue.Count;
    }

    public Task StartAsync(CancellationToken cancellation) => CatchUpAsync(cancellation);

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
