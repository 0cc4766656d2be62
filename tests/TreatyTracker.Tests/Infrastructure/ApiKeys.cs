using Marten;
using TreatyTracker.Access;
using TreatyTracker.Access.IssuingKeys;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>Keys issued straight into a test's store, as the server's <c>keys create</c> command does.</summary>
public static class ApiKeys
{
    public static async Task<string> IssueAsync(IDocumentStore store, Role role, string? name = null)
    {
        var (key, token, _) = IssueApiKey.Decide(new IssueApiKeyRequest(name ?? $"test {role.ToString().ToLowerInvariant()}", role), "tests", DateTimeOffset.UtcNow);
        await using var session = store.LightweightSession();
        session.Insert(key!);
        await session.SaveChangesAsync();
        return token.ToString();
    }
}
