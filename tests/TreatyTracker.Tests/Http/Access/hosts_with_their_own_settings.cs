using System.Collections.Concurrent;
using System.Net;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TreatyTracker.Features.Keys;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Http.Access;

/// <summary>Access rules that depend on settings, each on a host (and database) of its own.</summary>
public class hosts_with_their_own_settings(PostgresServer postgres)
{
    private const string Statement = """{"type":"statement","on":"2019-01-01","by":"Russia"}""";

    private async Task<IAlbaHost> StartAsync(Dictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) =>
        await AppFixture.StartAsync(await postgres.CreateDatabaseAsync("access"), seedOnStart: false, settings: settings, services: services);

    private static Task<string> IssueAsync(IAlbaHost host, Role role, string? name = null) =>
        ApiKeys.IssueAsync(host.Services.GetRequiredService<IDocumentStore>(), role, name);

    [Fact]
    public async Task when_configured_so_every_read_needs_a_key_but_health_does_not()
    {
        await using var host = await StartAsync(new() { ["TreatyTracker:Access:ReadsRequireKey"] = "true" });
        var anonymous = new TreatyApi(host.Server.CreateClient());
        var reader = new TreatyApi(host.Server.CreateClient(), await IssueAsync(host, Role.Reader));

        foreach (var url in new[] { "/api/treaties", "/api/status", "/api/allegations", "/api/deadlines?from=2019-01-01&to=2020-01-01" })
        {
            var refused = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            Assert.Equal("application/problem+json", refused.ContentType);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url)).Status);
        }
        Assert.Equal(HttpStatusCode.OK, (await host.Server.CreateClient().GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task when_configured_so_the_openapi_document_says_every_read_needs_a_key()
    {
        await using var host = await StartAsync(new() { ["TreatyTracker:Access:ReadsRequireKey"] = "true" });
        var document = (await new TreatyApi(host.Server.CreateClient()).GetAsync("/openapi/v1.json")).Body!;

        var reads = document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Where(o => o.Key == "get").Select(o => (path.Key, o.Value!))).ToList();
        Assert.NotEmpty(reads);
        foreach (var (path, read) in reads)
        {
            Assert.True(read["security"]!.AsArray().Single()!.AsObject().ContainsKey("bearer"), $"GET {path} is not said to need a key");
            Assert.NotNull(read["responses"]!["401"]);
        }
    }

    [Fact]
    public async Task writes_beyond_the_rate_limit_get_a_429_problem_record_nothing_and_do_not_slow_other_keys()
    {
        await using var host = await StartAsync(new()
        {
            ["TreatyTracker:WriteRateLimit:PerSecond"] = "1",
            ["TreatyTracker:WriteRateLimit:Burst"] = "5"
        });
        var busy = new TreatyApi(host.Server.CreateClient(), await IssueAsync(host, Role.Editor, "busy script"));
        await busy.BilateralTreatyInForce("inf"); // three writes of the five
        var before = (await busy.GetAsync("/api/treaties/inf/events")).Body!.AsArray().Count;

        var responses = new List<ApiResponse>();
        for (var day = 1; day <= 8; day++)
            responses.Add(await busy.RecordAsync("inf", $$"""{"type":"statement","on":"2019-01-{{day:00}}","by":"Russia"}"""));

        var limited = responses.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(responses, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.TooManyRequests }));
        Assert.All(limited, r => Assert.Equal("application/problem+json", r.ContentType));
        Assert.All(limited, r => Assert.True(int.Parse(r.Headers.RetryAfter!.ToString()) >= 1));
        var events = (await busy.GetAsync("/api/treaties/inf/events")).Body!.AsArray();
        Assert.Equal(before + responses.Count(r => r.Status == HttpStatusCode.Created), events.Count);

        var other = new TreatyApi(host.Server.CreateClient(), await IssueAsync(host, Role.Editor, "analyst"));
        Assert.Equal(HttpStatusCode.Created, (await other.RecordAsync("inf", """{"type":"statement","on":"2019-02-01","by":"Russia"}""")).Status);
    }

    [Fact]
    public async Task keys_never_appear_in_the_logs()
    {
        var logs = new CapturedLogs();
        await using var host = await StartAsync(new() { ["Logging:LogLevel:Default"] = "Trace" },
            services => services.AddSingleton<ILoggerProvider>(logs));
        var editorKey = await IssueAsync(host, Role.Editor);
        var adminKey = await IssueAsync(host, Role.Admin);
        var editor = new TreatyApi(host.Server.CreateClient(), editorKey);
        var admin = new TreatyApi(host.Server.CreateClient(), adminKey);

        await editor.RegisterAsync("inf");
        await editor.RecordAsync("inf", Statement);
        var issued = await admin.PostAsync("/api/keys", """{"name":"bob","role":"editor"}""");
        await new TreatyApi(host.Server.CreateClient(), issued.Text("key")).RecordAsync("inf", "{not json");
        await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/keys/{issued.Text("id")}"));
        await new TreatyApi(host.Server.CreateClient(), issued.Text("key")).RecordAsync("inf", Statement);
        await new TreatyApi(host.Server.CreateClient(), editorKey[..^3] + "xyz").RecordAsync("inf", Statement);

        var written = logs.Text;
        Assert.NotEmpty(written);
        foreach (var key in new[] { editorKey, adminKey, issued.Text("key") })
            Assert.DoesNotContain(key.Split('_', 3)[2], written);
    }

    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public string Text => string.Join('\n', _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(_lines);

        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                lines.Enqueue($"scope: {state}");
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{logLevel} {formatter(state, exception)} {state} {exception}");
        }
    }
}
