using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http;
using TreatyTracker.Http.Access;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Http;
using Wolverine.Marten;

namespace TreatyTracker.Features.Keys;

public sealed record IssueApiKeyRequest(string? Name, Role? Role);

/// <summary>The one answer that shows the key itself: it cannot be read again.</summary>
public sealed record ApiKeyIssued(string Url, string Id, string Name, Role Role, string Key, DateTimeOffset CreatedAt) : CreationResponse(Url);

/// <summary>A key issued: what is stored, and the token shown to its holder once.</summary>
public sealed record KeyIssued(ApiKey Stored, ApiKeyToken Token);

public static class IssueApiKey
{
    public const string Refused = "The API key cannot be issued";

    public static (KeyIssued? Issued, Refusal? Refusal) Decide(IssueApiKeyRequest request, string issuedBy, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, required: true, FieldErrors.MaxNameLength);
        var role = errors.Required("role", request.Role);
        if (errors.Any) return (null, Refusal.Of(Refused, errors));

        var token = ApiKeyToken.New();
        return (new KeyIssued(new ApiKey(token.KeyId, name!, role, token.SecretHash(), now, issuedBy), token), null);
    }
}

public static class IssueApiKeyEndpoint
{
    public static (KeyIssued?, ProblemDetails) Validate(IssueApiKeyRequest? request, HttpContext context, TimeProvider clock)
    {
        if (request is null) return (null, Problems.NoBody(IssueApiKey.Refused));
        var (issued, refusal) = IssueApiKey.Decide(request, context.User.KeyName(), clock.GetUtcNow());
        return (issued, refusal is null ? WolverineContinue.NoProblems : Problems.From(refusal));
    }

    [WolverinePost("/api/keys", Name = "IssueApiKey")]
    [EndpointSummary("Issue an API key")]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [Authorize(Policy = AccessPolicies.Administer)]
    public static (ApiKeyIssued, IMartenOp) Post(IssueApiKeyRequest request, KeyIssued issued)
    {
        var key = issued.Stored;
        return (new ApiKeyIssued($"/api/keys/{key.Id}", key.Id, key.Name, key.Role, issued.Token.ToString(), key.CreatedAt), MartenOps.Insert(key));
    }
}
