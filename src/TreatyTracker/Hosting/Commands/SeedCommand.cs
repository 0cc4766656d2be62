using JasperFx.CommandLine;
using Npgsql;
using TreatyTracker.Hosting.Seeding;

namespace TreatyTracker.Hosting.Commands;

[Description("Load seeds/ into the database (idempotent: what is already recorded is left as it is)")]
public sealed class SeedCommand : JasperFxAsyncCommand<NetCoreInput>
{
    public override async Task<bool> Execute(NetCoreInput input)
    {
        IHost? host = null;
        IHostedService? wolverine = null;
        try
        {
            host = await CommandHost.BuildAsync(input);
            var loader = host.Services.GetRequiredService<SeedLoader>();
            // The seeds' commits publish durable messages (reminders, the webhooks' commit messages) through Wolverine's outbox,
            // which refuses to work before Wolverine has started; stopped again, it leaves what it did not handle to the server.
            var runtime = (IHostedService)host.Services.GetRequiredService<Wolverine.Runtime.IWolverineRuntime>();
            await runtime.StartAsync(CancellationToken.None);
            wolverine = runtime;
            foreach (var result in await loader.LoadAllAsync())
                Console.WriteLine($"{result.TreatyId}: {(result.Registered ? "registered, " : "")}{result.Recorded} events recorded, {result.AlreadyPresent} already present");
            return true;
        }
        catch (SeedException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return false;
        }
        catch (Exception e) when (DatabaseFailure(e) is { } cause)
        {
            await Console.Error.WriteLineAsync($"Cannot seed: the database failed ({cause.Message}). Is PostgreSQL running, and is ConnectionStrings:Marten right?");
            return false;
        }
        finally
        {
            if (wolverine is not null) await wolverine.StopAsync(CancellationToken.None);
            host?.Dispose();
        }
    }

    /// <summary>The database's own exception somewhere in what was thrown (Marten and Wolverine wrap it), else null.</summary>
    private static NpgsqlException? DatabaseFailure(Exception? exception) => exception switch
    {
        null => null,
        NpgsqlException npgsql => npgsql,
        AggregateException aggregate => aggregate.InnerExceptions.Select(DatabaseFailure).FirstOrDefault(found => found is not null),
        _ => DatabaseFailure(exception.InnerException)
    };
}
