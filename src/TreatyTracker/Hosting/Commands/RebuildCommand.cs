using JasperFx.CommandLine;
using Marten;
using TreatyTracker.Store;

namespace TreatyTracker.Hosting.Commands;

[Description("Drop every read model and rebuild them from the event store")]
public sealed class RebuildCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = await CommandHost.BuildAsync(input);
        var result = await Rebuild.RunAsync(host.Services.GetRequiredService<IDocumentStore>(), CancellationToken.None);
        Console.WriteLine($"Rebuilt {result.Treaties} treaties from {result.Events} events in {result.Took.TotalSeconds:F1} s " +
                          $"({(result.Events / Math.Max(result.Took.TotalSeconds, 0.001)):F0} events/s)");
        return true;
    }
}
