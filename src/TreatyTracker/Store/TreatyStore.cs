using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using TreatyTracker.Features.Allegations;
using TreatyTracker.Features.Deadlines;
using TreatyTracker.Features.Status;
using TreatyTracker.Hosting;
using TreatyTracker.Store.Answers;
using TreatyTracker.Store.Kept;
using Weasel.Core;
using Wolverine.Marten;

namespace TreatyTracker.Store;

/// <summary>
/// The event store and the read models, in one PostgreSQL schema: one stream per treaty, keyed by its id. A treaty is
/// folded from its stream to decide a command; every question is answered from the read models, which each write
/// brings up to date in its own transaction (<see cref="TreatyChange"/>).
/// </summary>
public static class TreatyStore
{
    public const string Schema = "treaties";

    public static void AddTreatyStore(this WebApplicationBuilder builder, InstanceMode mode)
    {
        var memory = InMemory.From(builder.Configuration, mode);
        builder.Services.AddSingleton(memory.KeptTreaties);
        builder.Services.AddSingleton(memory.Answers);
        builder.Services.AddMarten(opts =>
            {
                opts.Connection(ConnectionDefaults.Apply(mode.Database));
                opts.DatabaseSchemaName = Schema;
                opts.AutoCreateSchemaObjects = mode.SchemaFromMigrations ? AutoCreate.None : AutoCreate.CreateOrUpdate;
                opts.Events.StreamIdentity = StreamIdentity.AsString;
                // Audit: who recorded each event (user name) and under which request (correlation id).
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Events.MetadataConfig.CorrelationIdEnabled = true;
                // jsonb reorders keys, so the "type" of a stored polymorphic event is seldom the first property.
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, json =>
                {
                    json.AllowOutOfOrderMetadataProperties = true;
                    // Read models are rewritten on every append: nulls would only make them longer.
                    json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
                });

                // A treaty is folded live from its stream, never stored as a document: one that grows with the record,
                // rewritten on every append, cost more (WAL, compression) than folding a hundred events saves.
                opts.Projections.Add<TreatyAggregation>(ProjectionLifecycle.Live);
                if (memory.KeptTreaties.IsOn) opts.Projections.FetchPlanners.Add(new TreatyFetchPlanner(memory.KeptTreaties));
                ReadModels.Register(opts);
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine();

        builder.Services.ConfigureMarten((services, opts) =>
        {
            opts.Events.TimeProvider = services.GetRequiredService<TimeProvider>();
            var answers = services.GetRequiredService<AnswerCache>();
            opts.Listeners.Add(new ForgetChangedTreaties(answers));
        });
        builder.Services.InitializeMartenWith<ForgetAnswersOnReset>();
        if (mode.Writes) builder.Services.AddHostedService<RebuildOnUpgrade>();
    }
}
