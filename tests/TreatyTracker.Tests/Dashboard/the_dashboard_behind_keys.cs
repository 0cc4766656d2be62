using System.Net;
using Microsoft.Playwright;
using TreatyTracker.Features.Keys;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

public sealed class ServerWithKeysForReading : RunningServer
{
    public ServerWithKeysForReading(PostgresServer postgres) : base(postgres) =>
        Settings = new Dictionary<string, string> { ["TreatyTracker:Access:ReadsRequireKey"] = "true" };
}

/// <summary>A server that asks for a key to read: the dashboard asks for one and then sends it, live feed included.</summary>
public class the_dashboard_behind_keys(ServerWithKeysForReading server) : IClassFixture<ServerWithKeysForReading>, IAsyncLifetime
{
    private HeadlessChromium _chromium = null!;

    public async ValueTask InitializeAsync() => _chromium = await HeadlessChromium.OpenAsync(server.Address);

    public async ValueTask DisposeAsync() => await _chromium.DisposeAsync();

    [Fact]
    public async Task asks_for_a_key_then_shows_the_treaties_and_their_changes_live()
    {
        var page = _chromium.Page;
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.GetAsync("/api/treaties", TestContext.Current.CancellationToken)).StatusCode);
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#key-form")).ToContainTextAsync("asks for an API key");

        await page.FillAsync("#api-key", await server.IssueKeyAsync(Role.Reader, "analyst"));
        await page.ClickAsync("#key-form button");

        var inf = page.Locator("article.card[data-treaty='inf'] p .badge").First;
        await Assertions.Expect(inf).ToHaveTextAsync("terminated");
        await Assertions.Expect(page.Locator("#live")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^live"));
        await Assertions.Expect(page.Locator("#key-form")).ToHaveCountAsync(0);

        using var editor = await server.EditorClientAsync();
        var recorded = await editor.PostAsync("/api/treaties/inf/events", new StringContent(
            """{"type":"statement","on":"2026-01-05","by":"Russia","summary":"Seen behind a key"}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        await Assertions.Expect(page.Locator("#live")).ToContainTextAsync("inf updated");
    }

    [Fact]
    public async Task a_refused_key_is_said_to_be_refused_in_every_section_and_another_can_be_entered()
    {
        var page = await _chromium.NewPageAsync(1280, 900);
        await page.AddInitScriptAsync("sessionStorage.setItem('treatytracker.apiKey', 'tt_0000000000000000_not-a-key')");
        await page.GotoAsync("/treaties/inf");

        await Assertions.Expect(page.Locator("#key-form")).ToContainTextAsync("The server refused this API key");
        await Assertions.Expect(page.Locator("#status-state")).ToContainTextAsync("Could not load the status: the server refused the API key.");
        await Assertions.Expect(page.Locator("#events-state button.retry")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(HeadlessChromium.Screenshots, "treaty-key-refused.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
