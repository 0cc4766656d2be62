using System.Text.Json.Nodes;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary><c>GET /api/changes</c> as a dashboard reads it: connected once "ready" arrives, then one change at a time.</summary>
public sealed class LiveFeed : IDisposable
{
    private readonly CancellationTokenSource _hang;
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _lines;

    private LiveFeed(CancellationTokenSource hang, HttpResponseMessage response, StreamReader lines)
    {
        _hang = hang;
        _response = response;
        _lines = lines;
    }

    public static async Task<LiveFeed> OpenAsync(HttpClient client)
    {
        var hang = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        hang.CancelAfter(TimeSpan.FromSeconds(60)); // only a hang detector
        var response = await client.GetAsync("/api/changes", HttpCompletionOption.ResponseHeadersRead, hang.Token);
        var lines = new StreamReader(await response.Content.ReadAsStreamAsync(hang.Token));
        Assert.Equal("event: ready", await lines.ReadLineAsync(hang.Token));
        return new LiveFeed(hang, response, lines);
    }

    /// <summary>The next change of <paramref name="treatyId"/>, skipping any other treaty's.</summary>
    public async Task<JsonNode> NextChangeOfAsync(string treatyId)
    {
        while (true)
        {
            var line = await _lines.ReadLineAsync(_hang.Token) ?? throw new EndOfStreamException("the feed closed");
            if (!line.StartsWith("data: ")) continue;
            var change = JsonNode.Parse(line["data: ".Length..])!;
            if (change["treatyId"]?.GetValue<string>() == treatyId) return change;
        }
    }

    public void Dispose()
    {
        _lines.Dispose();
        _response.Dispose();
        _hang.Dispose();
    }
}
