using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Core;
using Wolverine;
using Wolverine.ErrorHandling;

namespace TreatyTracker.Hosting;

public static class Messaging
{
    /// <summary>
    /// Wolverine: the HTTP endpoints and the message handlers of this assembly, each in a Marten transaction; durable local
    /// queues in PostgreSQL for the reminders, which survive restarts. A read-only instance keeps no durable messages.
    /// </summary>
    public static void AddMessaging(this WebApplicationBuilder builder, InstanceMode mode) =>
        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Program).Assembly;
            // Generated ahead of time into Internal/Generated (`codegen write`); anything missing is compiled at start.
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
            opts.Policies.AutoApplyTransactions();
            opts.Policies.UseDurableLocalQueues();
            opts.OnException<ConcurrencyException>().RetryWithCooldown(50.Milliseconds(), 250.Milliseconds(), 1.Seconds());
            if (mode.SchemaFromMigrations) opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
            if (!mode.Writes) opts.Durability.Mode = DurabilityMode.MediatorOnly;
        });
}
