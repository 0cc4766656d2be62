using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TreatyTracker.Cli.Api;

namespace TreatyTracker.Cli;

/// <summary>The server could not be reached at all.</summary>
public sealed class ServerUnreachable(Uri server, Exception cause)
    : Exception($"Cannot reach the TreatyTracker server at {server}: {cause.Message}. Is it running? (`dotnet run --project src/TreatyTracker`, or pass --server)", cause);

/// <summary>
/// A TreatyTracker server as the command line talks to it: the generated <see cref="TreatyTrackerApi"/>, over an HTTP client
/// that sends the API key and the X-Recorded-By header, and keeps the last answer's body (for --json).
/// </summary>
public sealed class TreatyClient : IDisposable
{
    private readonly Edge _edge;
    private readonly HttpClient _http;

    public TreatyClient(Uri server, string? apiKey = null, HttpMessageHandler? handler = null)
    {
        _edge = new Edge(server, apiKey) { InnerHandler = handler ?? new SocketsHttpHandler() };
        // The generated operations' paths are relative: the base address ends in '/' so that a server under a path keeps it.
        _http = new HttpClient(_edge, disposeHandler: handler is null) { BaseAddress = new Uri(server.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(10) };
        Api = new TreatyTrackerApi(_http);
    }

    public TreatyTrackerApi Api { get; }

    /// <summary>The body of the last answer, parsed: what --json prints, indented.</summary>
    public JsonNode LastAnswer => JsonNode.Parse(_edge.LastBody ?? "null") ?? new JsonObject();

    public void Dispose() => _http.Dispose();

    private sealed class Edge(Uri server, string? apiKey) : DelegatingHandler
    {
        public string? LastBody { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
        {
            request.Headers.TryAddWithoutValidation("X-Recorded-By", $"treaty-cli:{Environment.UserName}");
            if (!string.IsNullOrWhiteSpace(apiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Trim());
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellation);
            }
            catch (HttpRequestException e)
            {
                throw new ServerUnreachable(server, e);
            }
            await response.Content.LoadIntoBufferAsync(cancellation);
            LastBody = await response.Content.ReadAsStringAsync(cancellation);
            return response;
        }
    }
}
