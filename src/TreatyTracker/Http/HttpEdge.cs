using Marten;
using TreatyTracker.Hosting;
using TreatyTracker.Http.Access;
using TreatyTracker.Http.OpenApi;
using Wolverine.Http;

namespace TreatyTracker.Http;

/// <summary>
/// The HTTP edge: JSON, problem documents, limits, keys and roles, the write rate limit, idempotency and the audit of
/// who recorded what. The features' endpoints are Wolverine's, found in this assembly.
/// </summary>
public static class HttpEdge
{
    public const string DefaultUrl = "http://localhost:5080";

    public static void AddHttpEdge(this WebApplicationBuilder builder, InstanceMode mode)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<ConflictExceptionHandler>();
        services.AddExceptionHandler<DatabaseUnavailableHandler>();
        services.AddExceptionHandler<BadRequestBodyHandler>();
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        services.AddAccess(builder.Configuration);
        services.AddOpenApiContract(mode, AccessOptions.From(builder.Configuration));
        services.AddWriteRateLimit(builder.Configuration);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("postgresql");
        services.AddWolverineHttp();
        if (mode.Writes) services.ConfigureMarten(opts => opts.Schema.For<IdempotencyReceipt>());
    }

    public static void UseHttpEdge(this WebApplication app, InstanceMode mode)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!mode.Writes) app.UseMiddleware<RefuseWrites>();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();
    }

    /// <summary>The API: every feature's endpoints, the OpenAPI document and the health check.</summary>
    public static void MapApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        var access = AccessOptions.From(app.Configuration);
        app.MapWolverineEndpoints(http =>
        {
            // Every query value is read as text and checked by the endpoint (QueryValues); a typed one that fails to parse is refused.
            http.RejectUnparseableQueryValues = true;
            http.AddMiddleware(typeof(RecordingAudit), chain => chain.HttpMethods.Contains("POST"));
            // Every answer includes the writes it must (the live feed's stream waits for nothing), and every write says which it made.
            http.AddMiddleware(typeof(ReadAfterWriting),
                chain => ReadAfterWriting.Reads(chain.Method.Method, chain.HttpMethods) && !chain.RoutePattern!.RawText!.StartsWith("/api/changes", StringComparison.Ordinal));
            http.AddMiddleware(typeof(AnswerWithRecordSequence), chain => !chain.HttpMethods.Contains("GET"));
            http.ConfigureEndpoints(chain =>
            {
                AccessPolicies.Apply(chain, access);
                if (AccessPolicies.IsWrite(chain)) chain.Metadata.RequireRateLimiting(WriteRateLimit.Policy);
            });
        });
    }
}
