using Marten;
using TreatyTracker.Store.ReadModels;
using TreatyTracker.Treaties;
using Wolverine;

namespace TreatyTracker.Features.Deadlines;

/// <summary>
/// On start-up, records every deadline that fell due while nothing was running (or whose reminder was never
/// scheduled, as for data restored): the same handler as the reminders.
/// </summary>
public sealed class DeadlineCatchUp(IDocumentStore store, IServiceScopeFactory scopes, ReadYourWrites reads, TimeProvider clock,
    ILogger<DeadlineCatchUp> logger) : IHostedService
{
    public async Task<int> CatchUpAsync(CancellationToken cancellation)
    {
        // The deadlines are a read model: it must include every event stored before it is asked.
        await reads.WaitAsync(store, null, cancellation);
        var today = Today.From(clock);
        IReadOnlyList<DeadlineRow> overdue;
        await using (var session = store.QuerySession())
            overdue = await session.Query<DeadlineRow>().Where(d => d.On <= today && !d.Recorded).OrderBy(d => d.On).ToListAsync(cancellation);

        using var scope = scopes.CreateScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var treaty in overdue.Select(d => d.TreatyId).Distinct())
        {
            var first = overdue.First(d => d.TreatyId == treaty);
            await bus.InvokeAsync(new DeadlineReminder(treaty, first.On, first.Kind, first.Party), cancellation);
        }
        if (overdue.Count > 0) logger.LogInformation("Caught up {Count} overdue deadlines", overdue.Count);
        return overdue.Count;
    }

    public Task StartAsync(CancellationToken cancellation) => CatchUpAsync(cancellation);

    public Task StopAsync(CancellationToken cancellation) => Task.CompletedTask;
}
