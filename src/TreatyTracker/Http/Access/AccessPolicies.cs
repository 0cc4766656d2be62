using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using TreatyTracker.Features.Keys;

namespace TreatyTracker.Http.Access;

/// <summary>Settings under <c>TreatyTracker:Access</c>.</summary>
public sealed class AccessOptions
{
    /// <summary>Reading is open unless this is set; then every read needs a key of any role.</summary>
    public bool ReadsRequireKey { get; set; }

    public static AccessOptions From(IConfiguration configuration) =>
        configuration.GetSection("TreatyTracker:Access").Get<AccessOptions>() ?? new AccessOptions();
}

/// <summary>Who may call which endpoint, decided in one place from the HTTP method.</summary>
public static class AccessPolicies
{
    public const string Read = "read";
    public const string Edit = "edit";
    public const string Administer = "administer";

    public static IServiceCollection AddAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AccessOptions>(configuration.GetSection("TreatyTracker:Access"));
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, policy => policy.RequireRole(nameof(Role.Reader)))
            .AddPolicy(Edit, policy => policy.RequireRole(nameof(Role.Editor)))
            .AddPolicy(Administer, policy => policy.RequireRole(nameof(Role.Admin)));
        return services;
    }

    /// <summary>
    /// Endpoints that name their policy keep it; any other write needs an editor, and a read needs a key only if
    /// configured so. Applied to every endpoint, so a new write cannot be left open by forgetting an attribute.
    /// </summary>
    public static void Apply(HttpChain chain, AccessOptions options)
    {
        if (chain.Method.Method.GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Length > 0) return;
        if (IsWrite(chain)) chain.Metadata.RequireAuthorization(Edit);
        else if (options.ReadsRequireKey) chain.Metadata.RequireAuthorization(Read);
    }

    public static bool IsWrite(HttpChain chain) => !chain.HttpMethods.All(HttpMethods.IsGet);

    /// <summary>Who is recorded as having made a change: the key's name.</summary>
    public static string KeyName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
