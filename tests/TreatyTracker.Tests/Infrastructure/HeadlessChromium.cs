using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>A page in headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser), on a server.</summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public IPage Page { get; private set; } = null!;

    public static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "dashboard")).FullName;

    public static async Task<HeadlessChromium> OpenAsync(Uri server)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does).");
        var chromium = new HeadlessChromium { _playwright = await Playwright.CreateAsync() };
        chromium._browser = await chromium._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
        });
        chromium._server = server;
        chromium.Page = await chromium.NewPageAsync(1280, 900);
        return chromium;
    }

    private Uri _server = null!;

    /// <summary>Another page on the same server, at another size (a phone's, say), in a browser set to a locale (en-US unless told).</summary>
    public Task<IPage> NewPageAsync(int width, int height, string locale = "en-US") =>
        _browser.NewPageAsync(new BrowserNewPageOptions
        {
            BaseURL = _server.ToString(), ViewportSize = new() { Width = width, Height = height }, Locale = locale, AcceptDownloads = true
        });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
