using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using TreatyTracker.Cli.Api;

namespace TreatyTracker.Cli;

/// <summary>The server could not be reached at all.</summary>
public sealed class ServerUnreachable(Uri server, Exception cause)
    : Exception($"Cannot reach the TreatyTracker server at {server}: {cause.Message}. Is it running? (`dotnet run --project src/TreatyTracker`, or pass --server)", cause);

/// <summary>
/// A TreatyTracker server as the command line talks to it: the generated <see cref="TreatyTrackerApi"/>, over an HTTP client
/// that sends the API key and the X-Recorded-By header, keeps the last answer's body (for --json), and reads its own writes:
/// the newest <c>Record-Sequence</c> a write answered with goes with every later request, so an answer includes the write
/// whichever instance gives it.
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

    /// <summary>Returns once the server's read models include every write this client made (a read that sends its sequence).</summary>
    public async Task ReadModelsIncludeMyWritesAsync(CancellationToken cancellation)
    {
        if (_edge.Sequence is null) return;
        using var answer = await _http.GetAsync("api/treaties", cancellation);
    }

    public void Dispose() => _http.Dispose();

    private sealed class Edge(Uri server, string? apiKey) : DelegatingHandler
    {
        public const string SequenceHeader = "Record-Sequence";

        public string? LastBody { get; private set; }

        /// <summary>The newest sequence a write of this client answered with.</summary>
        public long? Sequence { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellation)
        {
            request.Headers.TryAddWithoutValidation("X-Recorded-By", $"treaty-cli:{Environment.UserName}");
            if (!string.IsNullOrWhiteSpace(apiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.Trim());
            if (Sequence is { } mine) request.Headers.TryAddWithoutValidation(SequenceHeader, mine.ToString(System.Globalization.CultureInfo.InvariantCulture));
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellation);
            }
            catch (HttpRequestException e)
            {
                throw new ServerUnreachable(server, e);
            }
            if (response.Headers.TryGetValues(SequenceHeader, out var sent) && long.TryParse(sent.FirstOrDefault(), out var sequence) && sequence > (Sequence ?? 0))
                Sequence = sequence;
            await response.Content.LoadIntoBufferAsync(cancellation);
            LastBody = await response.Content.ReadAsStringAsync(cancellation);
            return response;
        }
    }
}
