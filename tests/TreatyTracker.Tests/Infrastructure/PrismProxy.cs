using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>
/// Stoplight Prism's validation proxy (pinned in tests/tools/openapi) in front of a real server, with the contract the
/// server serves. It passes every request on and reports in the <c>sl-violations</c> header where the request or the
/// answer departs from the document.
/// </summary>
public sealed class PrismProxy(PostgresServer postgres) : IAsyncLifetime
{
    public RunningServer Server { get; } = new(postgres)
    {
        Settings = new Dictionary<string, string> { ["TreatyTracker:Webhooks:AllowPrivateAddresses"] = "true" }
    };
    public HttpClient Client { get; private set; } = null!;

    private readonly string _contract = Path.Combine(Path.GetTempPath(), $"treatytracker-contract-{Guid.NewGuid():N}.json");
    private Process? _prism;
    private readonly List<string> _output = [];

    public sealed record Violation(string[] Location, JsonElement Severity, JsonElement Code, string Message)
    {
        public bool InResponse => Location.FirstOrDefault() == "response";
        public override string ToString() => $"{string.Join('.', Location)}: {Message} ({Code}, {Severity})";
    }

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        // Prism is handed the served document as a file: fetching it itself, it gives up after a few seconds on a busy machine.
        await File.WriteAllTextAsync(_contract, await Server.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var port = TreatyTracker.Hosting.LocalPostgres.LocalPostgresCluster.FreeLoopbackPort();
        var start = await OpenApiTools.StartInfoAsync("prism", "proxy", _contract, Server.Address.ToString().TrimEnd('/'),
            "--host", "127.0.0.1", "--port", port.ToString());
        _prism = Process.Start(start)!;
        _prism.OutputDataReceived += (_, e) => { lock (_output) _output.Add(e.Data ?? ""); };
        _prism.ErrorDataReceived += (_, e) => { lock (_output) _output.Add(e.Data ?? ""); };
        _prism.BeginOutputReadLine();
        _prism.BeginErrorReadLine();

        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (true)
        {
            if (_prism.HasExited) throw new InvalidOperationException($"Prism exited ({_prism.ExitCode}):\n{Output}");
            try
            {
                await Client.GetAsync("/health", deadline.Token);
                return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            catch (OperationCanceledException) { throw new TimeoutException($"Prism did not start listening:\n{Output}"); }
            await Task.Delay(200, deadline.Token);
        }
    }

    /// <summary>What Prism found wrong with one exchange.</summary>
    public static IReadOnlyList<Violation> ViolationsOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("sl-violations", out var values)
            ? values.SelectMany(value => JsonSerializer.Deserialize<Violation[]>(value, new JsonSerializerOptions(JsonSerializerDefaults.Web))!).ToArray()
            : [];

    public string Output
    {
        get { lock (_output) return string.Join('\n', _output.TakeLast(40)); }
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_prism is { HasExited: false })
        {
            _prism.Kill(entireProcessTree: true);
            await _prism.WaitForExitAsync();
        }
        _prism?.Dispose();
        File.Delete(_contract);
        await Server.DisposeAsync();
    }
}
