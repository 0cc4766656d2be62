using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using TreatyTracker.Http.Access;

namespace TreatyTracker.Features.Keys;

/// <summary>A key as listed: everything but its hash.</summary>
public sealed record ApiKeyListed(string Id, string Name, Role Role, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy)
{
    public static ApiKeyListed From(ApiKey key) => new(key.Id, key.Name, key.Role, key.CreatedAt, key.CreatedBy, key.RevokedAt, key.RevokedBy);
}

public static class GetApiKeysEndpoint
{
    [WolverineGet("/api/keys", Name = "GetApiKeys")]
    [EndpointSummary("List the API keys")]
    [Authorize(Policy = AccessPolicies.Administer)]
    public static async Task<IReadOnlyList<ApiKeyListed>> Get(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<ApiKey>().OrderBy(k => k.CreatedAt).ToListAsync(cancellation)).Select(ApiKeyListed.From).ToList();
}
