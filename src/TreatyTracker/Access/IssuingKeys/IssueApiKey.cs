using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Api;
using Wolverine.Http;
using Wolverine.Marten;

namespace TreatyTracker.Access.IssuingKeys;

public sealed record IssueApiKeyRequest(string? Name, Role? Role);

/// <summary>The one answer that shows the key itself: it cannot be read again.</summary>
public sealed record ApiKeyIssued(string Url, string Id, string Name, Role Role, string Key, DateTimeOffset CreatedAt) : CreationResponse(Url);

public static class IssueApiKey
{
    public static (ApiKey? Stored, ApiKeyToken Token, ProblemDetails? Problem) Decide(IssueApiKeyRequest request, string issuedBy, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, required: true, FieldErrors.MaxNameLength);
        var role = errors.Required("role", request.Role);
        if (errors.Any) return (null, default, Problems.Invalid("The API key cannot be issued", errors.ToDictionary()));

        var token = ApiKeyToken.New();
        return (new ApiKey(token.KeyId, name!, role, token.SecretHash(), now, issuedBy), token, null);
    }
}

public static class IssueApiKeyEndpoint
{
    public static ProblemDetails Validate(IssueApiKeyRequest? request) =>
        request is null ? Problems.NoBody("The API key cannot be issued")
        : IssueApiKey.Decide(request, "", default).Problem ?? WolverineContinue.NoProblems;

    [WolverinePost("/api/keys", Name = "IssueApiKey")]
    [Authorize(Policy = AccessPolicies.Administer)]
    public static (ApiKeyIssued, IMartenOp) Post(IssueApiKeyRequest request, HttpContext context, TimeProvider clock)
    {
        var (key, token, _) = IssueApiKey.Decide(request, context.User.KeyName(), clock.GetUtcNow());
        return (new ApiKeyIssued($"/api/keys/{key!.Id}", key.Id, key.Name, key.Role, token.ToString(), key.CreatedAt),
            MartenOps.Insert(key));
    }
}
