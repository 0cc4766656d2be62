using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.Core;
using Wolverine.ErrorHandling;
using JasperFx.Events;
using Marten;
using TreatyTracker.Access;
using TreatyTracker.Access.RateLimiting;
using TreatyTracker.Api;
using TreatyTracker.CachingAnswers;
using TreatyTracker.Dashboard;
using TreatyTracker.Database;
using TreatyTracker.Live;
using TreatyTracker.ReadingFromAReplica;
using TreatyTracker.Seeding;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.ActingOnDeadlines;
using TreatyTracker.Treaties.FetchingForWriting;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://localhost:5080");

var connectionString = await ProductDatabase.ResolveAsync(builder);
if (connectionString is null) return 1;
var readOnly = ReadOnlyInstance.IsConfigured(builder.Configuration);
// Production and read-only instances run on a schema from migrations/ (a replica's cannot be changed at all).
var schemaIsManaged = builder.Environment.IsProduction() || readOnly;

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ConflictExceptionHandler>();
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
builder.Services.AddExceptionHandler<BadRequestBodyHandler>();
builder.Services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
builder.Services.AddOpenApi();
builder.Services.AddAccess(builder.Configuration);
builder.Services.AddWriteRateLimit(builder.Configuration);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql");

var keptTreaties = KeptTreaties.From(builder.Configuration);
builder.Services.AddSingleton(keptTreaties);
builder.Services.AddMarten(opts =>
    {
        opts.Connection(ConnectionDefaults.Apply(connectionString));
        opts.DatabaseSchemaName = "treaties";
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        // jsonb reorders keys, so the "type" of a stored polymorphic event is seldom the first property.
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
            json =>
            {
                json.AllowOutOfOrderMetadataProperties = true;
                // Documents are rewritten on every append: nulls would only make them longer.
                json.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
            });
        opts.Serializer(new BufferedJsonReads(opts.Serializer()));
        opts.AutoCreateSchemaObjects = schemaIsManaged ? AutoCreate.None : AutoCreate.CreateOrUpdate;
        opts.AddTreaties(keptTreaties);
        opts.Schema.For<IdempotencyReceipt>();
        opts.Schema.For<ApiKey>();
    })
    .UseLightweightSessions()
    .IntegrateWithWolverine();

builder.Services.AddSingleton<ChangeFeed>();
var notifications = ReadOnlyInstance.NotificationsConnection(builder.Configuration, connectionString);
builder.Services.AddAnswerCache(builder.Configuration, connectionString, notifications);
if (notifications is not null)
    builder.Services.AddHostedService(services => new ChangeNotificationListener(notifications, services.GetRequiredService<ChangeFeed>(),
        services.GetRequiredService<AnswerCache>(), services.GetRequiredService<ILogger<ChangeNotificationListener>>()));
builder.Services.ConfigureMarten((services, opts) =>
{
    opts.Events.TimeProvider = services.GetRequiredService<TimeProvider>();
    opts.Listeners.Add(new NotifyOnCommit(services.GetRequiredService<TimeProvider>()));
    opts.Listeners.Add(new ForgetChangedTreaties(services.GetRequiredService<AnswerCache>()));
    opts.Listeners.Add(new KeepCommittedTreaties(keptTreaties));
});

builder.Host.UseWolverine(opts =>
{
    opts.ApplicationAssembly = typeof(Program).Assembly;
    opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Auto;
    opts.Policies.AutoApplyTransactions();
    // Scheduled reminders (deadlines) live in PostgreSQL and survive restarts.
    opts.Policies.UseDurableLocalQueues();
    opts.OnException<ConcurrencyException>().RetryWithCooldown(50.Milliseconds(), 250.Milliseconds(), 1.Seconds());
    if (schemaIsManaged) opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
    if (readOnly) opts.Durability.Mode = DurabilityMode.MediatorOnly;
});
builder.Services.AddWolverineHttp();
builder.Services.AddSingleton<DeadlineCatchUp>();
if (!readOnly)
{
    builder.Services.AddSeeding(builder.Configuration);
    builder.Services.AddHostedService(services => services.GetRequiredService<DeadlineCatchUp>());
}

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
if (readOnly) app.UseMiddleware<RefuseWritesOnAReadOnlyInstance>();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<IdempotencyMiddleware>();
app.MapDashboard();
app.MapOpenApi();
app.MapHealthChecks("/health");
var access = app.Configuration.GetSection("TreatyTracker:Access").Get<AccessOptions>() ?? new AccessOptions();
app.MapWolverineEndpoints(http =>
{
    http.AddMiddleware(typeof(RecordingAudit), chain => chain.HttpMethods.Contains("POST"));
    http.ConfigureEndpoints(chain =>
    {
        AccessPolicies.Apply(chain, access);
        if (AccessPolicies.IsWrite(chain)) chain.Metadata.RequireRateLimiting(WriteRateLimit.Policy);
    });
});

return await app.RunJasperFxCommands(args);

public partial class Program;
