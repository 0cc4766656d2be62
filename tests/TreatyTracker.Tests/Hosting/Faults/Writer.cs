using System.Net;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Faults;

/// <summary>
/// The server as a client of these tests sees it: every request gives up after <see cref="HangLimit"/> (a hung
/// request fails the test rather than the test run), and every write is an editor's, with its API key.
/// </summary>
public sealed class Writer(Uri server, string apiKey) : IDisposable
{
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(20);

    private readonly HttpClient _client = new() { BaseAddress = server, Timeout = HangLimit };
    private TreatyApi Api => new(_client, apiKey);

    public Task<ApiResponse> PostAsync(string url, string json) => Api.PostAsync(url, json);

    public Task<ApiResponse> GetAsync(string url) => Api.GetAsync(url);

    /// <summary>The health endpoint answers plain text, not JSON: only its status counts.</summary>
    public async Task<HttpStatusCode> HealthAsync()
    {
        using var response = await _client.GetAsync("/health", TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    public void Dispose() => _client.Dispose();
}
