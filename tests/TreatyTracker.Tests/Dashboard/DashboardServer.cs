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

    protected ILocator Card(string treatyId) => Page.Locator($"article.card[data-treaty='{treatyId}']");

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}
