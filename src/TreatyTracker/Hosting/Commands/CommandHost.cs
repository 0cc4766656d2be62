using JasperFx.CommandLine;
using Marten;

namespace TreatyTracker.Hosting.Commands;

public static class CommandHost
{
    /// <summary>
    /// The server's host for a command, without starting it, on a database whose schema is complete: where the schema
    /// is the app's to change, it is brought up to date first (quietly), as a starting server would.
    /// </summary>
    public static async Task<IHost> BuildAsync(NetCoreInput input)
    {
        var host = input.BuildHost();
        if (!host.Services.GetRequiredService<InstanceMode>().SchemaFromMigrations)
            await host.Services.GetRequiredService<IDocumentStore>().Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return host;
    }
}
