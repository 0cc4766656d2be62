using System.Security.Claims;
using System.Text.Encodings.Web;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TreatyTracker.Features.Keys;

namespace TreatyTracker.Http.Access;

/// <summary>
/// <c>Authorization: Bearer tt_…</c>. Every request looks its key up, so a revoked key fails at once on every
/// instance. Neither the key nor the header is ever logged; failures name only what was wrong.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IDocumentStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyIdClaim = "key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !ApiKeyToken.TryParse(header[7..].Trim(), out var token))
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <API key>', with a key as issued (tt_…).");

        await using var session = store.QuerySession();
        var key = await session.LoadAsync<ApiKey>(token.KeyId, Context.RequestAborted);
        if (key is null || !token.Matches(key.SecretHash)) return AuthenticateResult.Fail("The API key is not valid.");
        if (key.IsRevoked) return AuthenticateResult.Fail("The API key has been revoked.");

        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name), new(KeyIdClaim, key.Id) };
        claims.AddRange(Enum.GetValues<Role>().Where(role => role <= key.Role).Select(role => new Claim(ClaimTypes.Role, role.ToString())));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.Headers.WWWAuthenticate = failure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await Context.WriteProblemAsync(new ProblemDetails
        {
            Status = StatusCodes.Status401Unauthorized,
            Title = failure is null ? "An API key is required" : "The API key was refused",
            Detail = failure ?? "Send an API key as 'Authorization: Bearer <key>'. An administrator issues keys (see the README, 'API keys')."
        });
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => Context.WriteProblemAsync(new ProblemDetails
    {
        Status = StatusCodes.Status403Forbidden,
        Title = "The API key may not do this",
        Detail = $"The key '{Context.User.Identity?.Name}' has the role {Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).LastOrDefault()}, which does not allow this request."
    });

}
