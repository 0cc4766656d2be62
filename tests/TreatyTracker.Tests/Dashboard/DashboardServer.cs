using Microsoft.Playwright;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>One seeded server and one browser for the dashboard tests that only read: they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class DashboardViews : ICollectionFixture<DashboardServer>
{
    public const string Name = "dashboard views";
}

public sealed class DashboardServer(PostgresServer postgres) : IAsyncLifetime
{
    public RunningServer Server { get; } = new(postgres);
    public HeadlessChromium Chromium { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        Chromium = await HeadlessChromium.OpenAsync(Server.Address);
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        await Server.DisposeAsync();
    }
}

/// <summary>A test on a fresh page of its own (desktop width unless told), closed afterwards.</summary>
public abstract class DashboardTest(DashboardServer dashboard) : IAsyncLifetime
{
    protected IPage Page { get; private set; } = null!;
    protected RunningServer Server => dashboard.Server;

    protected static string Screenshot(string name) => Path.Combine(HeadlessChromium.Screenshots, $"{name}.png");

    public async ValueTask InitializeAsync() => Page = await OpenAsync(1280, 900);

    protected Task<IPage> OpenAsync(int width, int height, string locale = "en-US") => dashboard.Chromium.NewPageAsync(width, height, locale);

    /// <summary>What the matched elements say: at least one, and each passing the check.</summary>
    protected static async Task EachAsync(ILocator matches, Action<string> check)
    {
        var texts = await matches.AllInnerTextsAsync();
        Assert.NotEmpty(texts);
        Assert.All(texts, check);
    }

    /// <summary>What the API answers to <paramref name="url"/>, fetched from the page, as picked out by the JavaScript function <paramref name="pick"/>.</summary>
    protected Task<T> ApiAsync<T>(string url, string pick) =>
        Page.EvaluateAsync<T>($"async url => ({pick})(await (await fetch(url)).json())", url);

    /// <summary>A JavaScript function writing a date as sure as the record is of it, as the pages do: "2002 (year only)".</summary>
    protected const string When = """
        ((d, c) => !d ? "—" : c === "year" ? `${d.slice(0, 4)} (year only)` : c === "month" ? `${d.slice(0, 7)} (month only)` : c === "unconfirmed" ? `${d} (unconfirmed)` : d)
        """;

    /// <summary>The API failing with a 500 for every request matching <paramref name="glob"/> until <paramref name="failing"/> says otherwise.</summary>
    protected Task FailAsync(string glob, Func<bool> failing) => Page.RouteAsync(glob, async route =>
    {
        if (failing()) await route.FulfillAsync(new() { Status = 500, ContentType = "application/problem+json", Body = """{"title":"Database unavailable","status":500}""" });
        else await route.ContinueAsync();
    });

    protected ILocator Card(string treatyId) => Page.Locator($"article.card[data-treaty='{treatyId}']");

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
