using Marten;
using TreatyTracker.Features.Keys;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>Keys issued straight into a test's store, as the server's <c>keys create</c> command does.</summary>
public static class ApiKeys
{
    public static async Task<string> IssueAsync(IDocumentStore store, Role role, string? name = null)
    {
        var (issued, _) = IssueApiKey.Decide(new IssueApiKeyRequest(name ?? $"test {role.ToString().ToLowerInvariant()}", role), "tests", DateTimeOffset.UtcNow);
        await using var session = store.LightweightSession();
        session.Insert(issued!.Stored);
        await session.SaveChangesAsync();
        return issued.Token.ToString();
    }
}
