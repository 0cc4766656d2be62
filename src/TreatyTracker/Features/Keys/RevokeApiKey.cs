using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Persistence;
using TreatyTracker.Http.Access;

namespace TreatyTracker.Features.Keys;

public static class RevokeApiKeyEndpoint
{
    /// <summary>Revoking is immediate on every instance: each request looks its key up. Revoking twice changes nothing.</summary>
    [WolverineDelete("/api/keys/{id}", Name = "RevokeApiKey")]
    [EndpointSummary("Revoke an API key")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [Authorize(Policy = AccessPolicies.Administer)]
    [EmptyResponse]
    public static IMartenOp Delete([Entity(OnMissing = OnMissing.ProblemDetailsWith404)] ApiKey key, HttpContext context, TimeProvider clock) =>
        MartenOps.Store(key.Revoked(context.User.KeyName(), clock.GetUtcNow()));
}
