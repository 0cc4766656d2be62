using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TreatyTracker.Http.Access;

namespace TreatyTracker.Http.OpenApi;

/// <summary>The document's own parts: what the API is, where it answers, how a client shows its key, and the features as tags.</summary>
public sealed class ContractDocument(AccessOptions access) : IOpenApiDocumentTransformer
{
    public const string ProblemSchema = "ProblemDetails";
    public const string RowProblemSchema = "RowProblem";

    /// <summary>The features, as the document groups the operations (the last part of each endpoint's namespace).</summary>
    public static readonly IReadOnlyDictionary<string, string> Features = new Dictionary<string, string>
    {
        ["Registering"] = "Registering a treaty: its terms, opening its record.",
        ["Recording"] = "Recording one event in a treaty's record.",
        ["Correcting"] = "Retracting or correcting a recorded event; history is never rewritten.",
        ["Importing"] = "Many events for many treaties in one transaction, as JSON rows or CSV.",
        ["Status"] = "The status of treaties and their parties on a date, as recorded at an instant.",
        ["History"] = "Status intervals, the dated timeline and the record as recorded.",
        ["Diff"] = "What changed between two dates.",
        ["Allegations"] = "Standing violation allegations across treaties.",
        ["Deadlines"] = "Transitions that fall due: withdrawals taking effect, expiries.",
        ["Keys"] = "API keys (administrators only).",
        ["Live"] = "Server-Sent Events: one message per commit that recorded events.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellation)
    {
        document.Info.Title = "TreatyTracker";
        document.Info.Description =
            "The legal state of arms-control treaties and of each party to them, on any date, with sources. JSON, camelCase, " +
            "dates YYYY-MM-DD; every error is an RFC 7807 problem document (application/problem+json). " + KeysNeeded(access);
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[RowProblemSchema] = RowProblem;
        document.Components.Schemas[ProblemSchema] = Problem(document);
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiContract.SecurityScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "tt_<id>_<secret>",
            Description = "An API key as issued (`keys create` on the server, or POST /api/keys by an admin), sent as " +
                          "`Authorization: Bearer tt_…`. Roles: reader < editor < admin. " + KeysNeeded(access)
        };

        document.Tags = new HashSet<OpenApiTag>(Features.Select(f => new OpenApiTag { Name = f.Key, Description = f.Value }));
        return Task.CompletedTask;
    }

    /// <summary>RFC 7807, as the API writes it: a refusal names its fields under <c>errors</c>, an import its rows under <c>rows</c>.</summary>
    private static OpenApiSchema Problem(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["errors"] = FieldErrors("Each field at fault, with what is wrong with it."),
            ["rows"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Description = "Of a refused import: each row at fault, with its line number.",
                Items = new OpenApiSchemaReference(RowProblemSchema, document)
            },
        }
    };

    /// <summary>One row of a refused import: the line of the body it starts on (CSV or JSON) and its fields at fault.</summary>
    private static OpenApiSchema RowProblem => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "line", "errors" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["line"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
            ["treaty"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errors"] = FieldErrors("Each field of the row at fault, with what is wrong with it."),
        }
    };

    private static OpenApiSchema FieldErrors(string description) => new()
    {
        Type = JsonSchemaType.Object, Description = description,
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }
    };

    private static string KeysNeeded(AccessOptions access) =>
        "Writes need an editor's key (keys: an admin's). " + (access.ReadsRequireKey
            ? "This server requires a key of any role for reading too (TreatyTracker:Access:ReadsRequireKey)."
            : "Reads are open on this server; one configured with TreatyTracker:Access:ReadsRequireKey=true wants a key of any role for them.");
}
