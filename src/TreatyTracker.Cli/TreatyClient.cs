using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TreatyTracker.Cli;

/// <summary>A problem document the server answered with (RFC 7807).</summary>
public sealed class ServerProblem(int status, JsonNode? problem)
    : Exception(problem?["detail"]?.GetValue<string>() ?? problem?["title"]?.GetValue<string>() ?? $"the server answered {status}")
{
    public int Status { get; } = status;
    public JsonNode? Problem { get; } = problem;
}

/// <summary>The server could not be reached at all.</summary>
public sealed class ServerUnreachable(Uri server, Exception cause)
    : Exception($"Cannot reach the TreatyTracker server at {server}: {cause.Message}. Is it running? (`dotnet run --project src/TreatyTracker`, or pass --server)", cause);

/// <summary>The HTTP API of a TreatyTracker server, as the command line uses it.</summary>
public sealed class TreatyClient(Uri server, string? apiKey = null, HttpMessageHandler? handler = null) : IDisposable
{
    private readonly HttpClient _http = handler is null
        ? new HttpClient { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) }
        : new HttpClient(handler, disposeHandler: false) { BaseAddress = server, Timeout = TimeSpan.FromMinutes(10) };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public Uri Server => server;

    public async Task<JsonNode> GetAsync(string path, CancellationToken cancellation) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellation);

    public Task<JsonNode> PostJsonAsync(string path, JsonNode body, CancellationToken cancellation) =>
        PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"), cancellation);

    public async Task<JsonNode> PostAsync(string path, HttpContent content, CancellationToken cancellation) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = content }, cancellation);

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.TryAddWithoutValidation("X-Recorded-By", $"treaty-cli:{Environment.UserName}");
        if (!string.IsNullOrWhiteSpace(apiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Trim());
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellation);
        }
        catch (HttpRequestException e)
        {
            throw new ServerUnreachable(server, e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellation);
            var body = text.Length == 0 ? null : TryParse(text);
            if (!response.IsSuccessStatusCode) throw new ServerProblem((int)response.StatusCode, body);
            return body ?? new JsonObject();
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try { return JsonNode.Parse(text); }
        catch (JsonException) { return JsonValue.Create(text); }
    }

    public void Dispose() => _http.Dispose();
}
