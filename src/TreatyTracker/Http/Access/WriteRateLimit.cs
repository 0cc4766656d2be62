using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace TreatyTracker.Http.Access;

/// <summary>Settings under <c>TreatyTracker:WriteRateLimit</c>: a token bucket per API key (per address without one).</summary>
public sealed class WriteRateLimitOptions
{
    public int PerSecond { get; set; } = 50;
    public int Burst { get; set; } = 100;
}

/// <summary>Writes are limited per key, so one runaway script cannot crowd out everybody else; reads are not.</summary>
public static class WriteRateLimit
{
    public const string Policy = "writes";

    public static IServiceCollection AddWriteRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("TreatyTracker:WriteRateLimit").Get<WriteRateLimitOptions>() ?? new WriteRateLimitOptions();
        if (options.PerSecond < 1 || options.Burst < 1)
            throw new InvalidOperationException("TreatyTracker:WriteRateLimit:PerSecond and :Burst must be at least 1.");

        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
                context.User.FindFirstValue(ApiKeyAuthentication.KeyIdClaim) ?? $"address:{context.Connection.RemoteIpAddress}",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.PerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0
                }));
            limiter.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.WriteProblemAsync(new ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many writes",
                    Detail = $"This key may make {options.PerSecond} writes a second (bursts of {options.Burst}); nothing was recorded. Retry after the time in Retry-After."
                });
            };
        });
    }
}
