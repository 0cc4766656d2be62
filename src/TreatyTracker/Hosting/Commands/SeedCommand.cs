using JasperFx.CommandLine;
using TreatyTracker.Hosting.Seeding;

namespace TreatyTracker.Hosting.Commands;

[Description("Load seeds/ into the database (idempotent: what is already recorded is left as it is)")]
public sealed class SeedCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        using var host = await CommandHost.BuildAsync(input);
        var loader = host.Services.GetRequiredService<SeedLoader>();
        // The seeds' commits publish durable messages (reminders, the webhooks' commit messages) through Wolverine's outbox,
        // which refuses to work before Wolverine has started; stopped again, it leaves what it did not handle to the server.
        var wolverine = (IHostedService)host.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>();
        await wolverine.StartAsync(CancellationToken.None);
        try
        {
            foreach (var result in await loader.LoadAllAsync())
                Console.WriteLine($"{result.TreatyId}: {(result.Registered ? "registered, " : "")}{result.Recorded} events recorded, {result.AlreadyPresent} already present");
            return true;
        }
        catch (SeedException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
        finally
        {
            await wolverine.StopAsync(CancellationToken.None);
        }
    }
}
