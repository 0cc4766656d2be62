using TreatyTracker.Hosting;
using TreatyTracker.Http.Access;

namespace TreatyTracker.Http.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c>: the contract as this instance keeps it. The endpoints say what is theirs (their answers, their
/// errors, their examples); <see cref="ContractOperations"/> adds what the edge does to every request (keys, limits,
/// idempotency, the database), and <see cref="ContractDocument"/> the document's own parts.
/// </summary>
public static class OpenApiContract
{
    public const string SecurityScheme = "bearer";

    public static IServiceCollection AddOpenApiContract(this IServiceCollection services, InstanceMode mode, AccessOptions access) =>
        services.AddOpenApi(options =>
        {
            options.AddOperationTransformer(new ContractOperations(mode));
            options.AddDocumentTransformer(new ContractDocument(access));
            options.AddSchemaTransformer(RequestSchemas.TransformAsync);
        });
}
