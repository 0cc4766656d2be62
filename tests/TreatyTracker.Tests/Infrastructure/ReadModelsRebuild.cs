using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TreatyTracker.Store.ReadModels;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

public static class ReadModelsRebuild
{
    /// <summary>Drops every read model and derives it again from the events, through Marten's rebuild on the host's own daemon.</summary>
    public static async Task RebuildReadModelsAsync(this IHost host)
    {
        var daemon = host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        await daemon.RebuildProjectionAsync(ReadModelsProjection.ProjectionName, TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
    }
}
