using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using TreatyTracker.Hosting;
using TreatyTracker.Hosting.Live;
using TreatyTracker.Http.Access;
using Wolverine.Http;

namespace TreatyTracker.Http.OpenApi;

/// <summary>
/// Each operation as a client meets it: its id and summary (the endpoint's name and <see cref="EndpointSummaryAttribute"/>),
/// who may call it, and every answer it can give and no other: the endpoint's own (its <see cref="ProducesResponseTypeAttribute"/>s)
/// and the edge's (keys and roles, the write rate limit, idempotency, body limits, a read-only instance, the database).
/// Wolverine's guesses (a 404 on every operation) are dropped.
/// </summary>
public sealed class ContractOperations(InstanceMode mode) : IOpenApiOperationTransformer
{
    private const string Problem = "application/problem+json";

    private static readonly Dictionary<int, string> Meanings = new()
    {
        [304] = "Not modified: the answer still has the ETag sent in If-None-Match.",
        [400] = "Refused: the request is malformed or contradicts the record; each field at fault is named under `errors`. Nothing was recorded.",
        [401] = "No API key, or one that is not valid or has been revoked (`WWW-Authenticate: Bearer`).",
        [403] = "The API key's role does not allow this request.",
        [404] = "No treaty (or event, key or webhook) has this id.",
        [405] = "This instance only reads: send writes to an instance on the primary.",
        [409] = "The treaty's record changed first (a stale If-Match or version, or a concurrent writer), or a request with this " +
                "Idempotency-Key is still being handled. Nothing was recorded.",
        [413] = "The request body is larger than allowed (1 MB; an import 32 MB).",
        [422] = "This Idempotency-Key was first used for another request (another path or body).",
        [429] = "Too many writes for this key (a token bucket per key); retry after Retry-After seconds. Nothing was recorded.",
        [503] = "The database cannot be reached right now; retry after Retry-After seconds.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        if (context.Description.ActionDescriptor is not WolverineActionDescriptor { Chain: var chain } descriptor) return;
        var method = chain.Method.Method;
        var metadata = descriptor.EndpointMetadata;
        var document = context.Document!;

        operation.OperationId = method.GetCustomAttribute<WolverineHttpMethodAttribute>()?.Name ?? chain.OperationId;
        operation.Summary = method.GetCustomAttribute<EndpointSummaryAttribute>()?.Summary;
        operation.Description = method.GetCustomAttribute<EndpointDescriptionAttribute>()?.Description;
        var feature = method.DeclaringType!.Namespace!.Split('.')[^1];
        operation.Tags = new HashSet<OpenApiTagReference> { new(feature, document) };

        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var needsKey = policies.Count > 0;
        operation.Security = [needsKey ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiContract.SecurityScheme, document)] = [] } : new OpenApiSecurityRequirement()];

        var isPost = chain.HttpMethods.Contains(HttpMethods.Post);
        var statuses = method.GetCustomAttributes<ProducesResponseTypeAttribute>().Select(p => p.StatusCode).Where(s => s >= 300).ToHashSet();
        if (needsKey) statuses.Add(401);
        if (policies.Any(p => p != AccessPolicies.Read)) statuses.Add(403);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any(r => r.PolicyName == WriteRateLimit.Policy)) statuses.Add(429);
        if (isPost) statuses.UnionWith([400, 409, 413, 422]); // a body, and the Idempotency-Key
        if (!mode.Writes && AccessPolicies.IsWrite(chain)) statuses.Add(405);
        // Every endpoint reads the database, but the live feed, which only does to check a key.
        if (method.DeclaringType != typeof(StreamChangesEndpoint) || needsKey) statuses.Add(503);

        var answers = new OpenApiResponses();
        foreach (var (code, success) in operation.Responses!.Where(r => int.Parse(r.Key) < 300).OrderBy(r => r.Key)) answers[code] = success;
        foreach (var status in statuses.Order()) answers[status.ToString()] = Response(status, document);
        operation.Responses = answers;

        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
            if (QueryValues.Kinds.TryGetValue(parameter.Name!, out var kind)) parameter.Schema = Schema(kind);
        if (statuses.Contains(304)) operation.Parameters.Add(Header("If-None-Match", "The ETag of an answer read before: a 304 while it is unchanged."));
        if (isPost)
        {
            operation.Parameters.Add(Header(IdempotencyMiddleware.Header, "Retry-safe POST: the same key and body again returns the first answer."));
            operation.Parameters.Add(Header(RecordingAudit.RecordedByHeader, "Whom a shared key acts for, recorded with the events as 'key holder: X'."));
            operation.Parameters.Add(Header(RecordingAudit.CorrelationHeader, "The correlation id recorded with the events (default: the request's trace id)."));
        }
        if (ReadAfterWriting.Reads(method, chain.HttpMethods) && method.DeclaringType != typeof(StreamChangesEndpoint))
            operation.Parameters.Add(Header(ReadAfterWriting.Header,
                "The Record-Sequence a write answered with (through any instance): answered once the read models include that write. A whole number."));
        if (isPost)
            foreach (var (_, success) in answers.Where(a => int.Parse(a.Key) < 300))
                if (success is OpenApiResponse created)
                    (created.Headers ??= new Dictionary<string, IOpenApiHeader>())[ReadAfterWriting.Header] = new OpenApiHeader
                    {
                        Description = "The sequence of the newest event this write committed: send it back to read the write through any instance.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer }
                    };
        if (method.GetCustomAttribute<HonoursIfMatchAttribute>() is not null)
            operation.Parameters.Add(Header(ExpectedVersion.Header,
                "The version of the treaty's record you read (`version` of GET /api/treaties/{id}), as \"7\": a 409 if it moved on since, and nothing is recorded."));

        if (method.GetCustomAttribute<RequestBodyAttribute>(inherit: true) is { } body) await DescribeBodyAsync(operation, body, context);
    }

    private static IOpenApiResponse Response(int status, OpenApiDocument document)
    {
        var response = new OpenApiResponse { Description = Meanings[status] };
        if (status == 304) return response;

        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            [Problem] = new() { Schema = new OpenApiSchemaReference(ContractDocument.ProblemSchema, document) }
        };
        if (status is 429 or 503)
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } }
            };
        if (status == 401)
            response.Headers = new Dictionary<string, IOpenApiHeader>
            {
                ["WWW-Authenticate"] = new OpenApiHeader { Description = "Bearer", Schema = new OpenApiSchema { Type = JsonSchemaType.String } }
            };
        return response;
    }

    /// <summary>The query parameter's kind as JSON Schema: the server refuses any other value with a 400 naming it.</summary>
    private static OpenApiSchema Schema(QueryValues.Kind kind) => kind switch
    {
        QueryValues.Kind.Date => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
        QueryValues.Kind.Instant => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        _ => new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" }
    };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = false, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String }
    };

    private static async Task DescribeBodyAsync(OpenApiOperation operation, RequestBodyAttribute body, OpenApiOperationTransformerContext context)
    {
        var request = operation.RequestBody as OpenApiRequestBody ?? new OpenApiRequestBody { Required = true };
        request.Content ??= new Dictionary<string, OpenApiMediaType>();
        foreach (var example in body.Examples)
        {
            var json = example.ContentType == "application/json";
            if (!request.Content.TryGetValue(example.ContentType, out var media))
                request.Content[example.ContentType] = media = new OpenApiMediaType
                {
                    Schema = json ? await JsonSchemaAsync(body.JsonType!, context) : new OpenApiSchema { Type = JsonSchemaType.String }
                };
            media.Examples ??= new Dictionary<string, IOpenApiExample>();
            media.Examples[example.Name] = new OpenApiExample
            {
                Summary = example.Summary, Value = json ? JsonNode.Parse(example.Body) : JsonValue.Create(example.Body)
            };
        }
        operation.RequestBody = request;
    }

    /// <summary>The schema of a body the endpoint reads itself; of a list, its item is a named schema, so that clients get a type for it.</summary>
    private static async Task<IOpenApiSchema> JsonSchemaAsync(Type type, OpenApiOperationTransformerContext context)
    {
        var schema = await context.GetOrCreateSchemaAsync(type);
        var item = type.IsGenericType ? type.GetGenericArguments()[0] : type.GetElementType();
        if (item is null || schema.Items is not OpenApiSchema inline || context.Document is not { } document) return schema;
        document.AddComponent(item.Name, inline);
        schema.Items = new OpenApiSchemaReference(item.Name, document);
        return schema;
    }
}
