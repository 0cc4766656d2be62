using System.Text.Json;
using Microsoft.Playwright;
using TreatyTracker.Dashboard;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary><c>/reference</c>: the contract rendered by the Scalar this server serves, with nothing from elsewhere.</summary>
[Collection(DashboardViews.Name)]
public class the_api_reference(DashboardServer dashboard) : DashboardTest(dashboard)
{
    /// <summary>Scalar's script is large: on a busy machine the page may take longer than the default to draw.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions Rendered = new() { Timeout = 30_000 };

    public static TheoryData<int> Widths => new() { 1280, 390 };

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task shows_every_operation_and_the_bearer_scheme_from_this_server_alone_to_everyone(int width)
    {
        var page = await OpenAsync(width, 900);
        var requests = new List<string>();
        page.Request += (_, request) => { lock (requests) requests.Add(request.Url); };
        var complaints = new List<string>();
        page.Console += (_, message) => { if (message.Type is "error" or "warning") lock (complaints) complaints.Add($"{message.Text} ({message.Location})"); };
        page.PageError += (_, error) => { lock (complaints) complaints.Add(error); };

        var response = await page.GotoAsync(ApiReference.Page);
        Assert.Equal(DashboardConfiguration.ContentSecurityPolicy, await response!.HeaderValueAsync("content-security-policy"));
        await Assertions.Expect(page.GetByText("Bearer Token").First).ToBeVisibleAsync(Rendered);
        await page.ScreenshotAsync(new() { Path = Screenshot($"reference-{width}") });
        foreach (var summary in Summaries()) await Assertions.Expect(page.GetByText(summary, new() { Exact = true }).First).ToBeAttachedAsync();
        if (width > 1000) await Assertions.Expect(page.GetByText(Summary("GetTreatyStatusAsOf"), new() { Exact = true }).First).ToBeVisibleAsync();

        lock (requests)
            Assert.All(requests, url => Assert.True(url.StartsWith(Server.Address.ToString()) || url.StartsWith("data:") || url.StartsWith("blob:"),
                $"the reference page asked for {url}, which is not this server"));
        lock (complaints) Assert.True(complaints.Count == 0, string.Join("\n", complaints));

        // Scalar's code samples scroll sideways in a box it does not make focusable: its markup, not ours.
        Assert.Empty(await Axe.SeriousViolationsAsync(page, "scrollable-region-focusable"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task every_page_links_to_it_and_it_is_not_part_of_the_contract()
    {
        await Page.GotoAsync("/states");
        await Page.ClickAsync("nav.pages a[href='/reference']");
        await Assertions.Expect(Page.GetByText(Summary("GetTreatyStatusAsOf")).First).ToBeVisibleAsync(Rendered);
        await Assertions.Expect(Page.Locator("nav.pages a[aria-current=page]")).ToHaveAttributeAsync("href", ApiReference.Page);

        // A client that does not take gzip (this one sends no Accept-Encoding) gets the script as it is.
        var script = await Server.Client.GetAsync(ApiReference.Script, TestContext.Current.CancellationToken);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Contains("createApiReference", await script.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var paths = JsonDocument.Parse(await Server.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken)).RootElement.GetProperty("paths");
        Assert.DoesNotContain(paths.EnumerateObject(), path => path.Name.StartsWith(ApiReference.Page) || path.Name.StartsWith("/vendor"));
    }

    private static readonly Lazy<JsonElement> Contract = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "TreatyTracker.Tests", "Http", "openapi.v1.json"))).RootElement);

    private static IEnumerable<JsonElement> Operations() =>
        Contract.Value.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()).Select(operation => operation.Value);

    /// <summary>The summaries of the committed contract's operations: their titles in the reference.</summary>
    private static IEnumerable<string> Summaries() => Operations().Select(operation => operation.GetProperty("summary").GetString()!);

    private static string Summary(string operationId) =>
        Operations().Single(operation => operation.GetProperty("operationId").GetString() == operationId).GetProperty("summary").GetString()!;
}
