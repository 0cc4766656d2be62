using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using TreatyTracker.Hosting;
using TreatyTracker.Store.ReadModels;
using Weasel.Core;
using Wolverine.Marten;

namespace TreatyTracker.Store;

/// <summary>
/// The event store and the read models, in one PostgreSQL schema: one stream per treaty, keyed by its id. A treaty is
/// folded from its stream to decide a command; every question is answered from the read models, which the feature
/// slices register and Marten's async daemon keeps (<see cref="ReadModelsProjection"/>).
/// </summary>
public static class TreatyStore
{
    public const string Schema = "treaties";

    public static void AddTreatyStore(this WebApplicationBuilder builder, InstanceMode mode)
    {
        builder.Services.AddSingleton<ReadYourWrites>();
        var marten = builder.Services.AddMarten(opts =>
            {
                opts.Connection(ConnectionDefaults.Apply(mode.Database));
                opts.DatabaseSchemaName = Schema;
                opts.AutoCreateSchemaObjects = mode.SchemaFromMigrations ? AutoCreate.None : AutoCreate.CreateOrUpdate;
                opts.Events.StreamIdentity = StreamIdentity.AsString;
                // Audit: who recorded each event (user name) and under which request (correlation id).
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                // The daemon hears of an append at once instead of at its next poll: the read models follow a write within milliseconds.
                opts.Events.UseListenNotifyForEventAppends = true;
                // jsonb reorders keys, so the "type" of a stored polymorphic event is seldom the first property.
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json =>
                {
                    json.AllowOutOfOrderMetadataProperties = true;
                    // Read models are rewritten often: nulls would only make them longer.
                    json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
                });

                // A treaty is folded live from its stream to decide a command, never stored as a document.
                opts.Projections.Add<TreatyAggregation>(ProjectionLifecycle.Live);
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine();
        // Writers run the daemon; with several, each projection runs on one of them at a time (Marten's own leader election).
        if (mode.Writes) marten.AddAsyncDaemon(DaemonMode.HotCold);
        marten.InitializeWith<ForgetWritesOnReset>();
        // After Marten's own start (which runs the initial data above), so that nothing already stored is forgotten.
        builder.Services.AddHostedService<ReadYourWritesAtStart>();

        builder.Services.ConfigureMarten((services, opts) =>
        {
            opts.Events.TimeProvider = services.GetRequiredService<TimeProvider>();
            opts.AddReadModelsProjection(services.GetServices<IReadModel>());
            opts.Listeners.Add(services.GetRequiredService<ReadYourWrites>());
        });
    }
}
