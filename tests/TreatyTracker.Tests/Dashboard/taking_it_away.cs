using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>What an analyst takes away: the view as CSV, the chart as PNG, and a printed page that names its date and sources.</summary>
[Collection(DashboardViews.Name)]
public class taking_it_away(DashboardServer dashboard) : DashboardTest(dashboard)
{
    private async Task<(string Name, string[] Lines)> DownloadAsync(string button)
    {
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync(button));
        var path = await download.PathAsync();
        return (download.SuggestedFilename, (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task the_status_on_a_date_downloads_as_csv_with_every_treaty_and_party()
    {
        await Page.GotoAsync("/?asOf=2019-05-01");
        await Assertions.Expect(Card("inf").Locator("p .badge").First).ToHaveTextAsync("in-force");

        var (name, lines) = await DownloadAsync("#download-status");

        Assert.Equal("treaties-on-2019-05-01.csv", name);
        Assert.Equal("asOf,treaty,shortName,kind,party,status,since,sinceCertainty,toward,expiresOn,allegations,recordFollows", lines[0]);
        Assert.Contains("2019-05-01,inf,INF Treaty,bilateral,,in-force,1988-06-01,,,,6,This record follows every state that acted on the treaty.", lines);
        Assert.Contains("2019-05-01,inf,INF Treaty,bilateral,United States,withdrawing,2019-02-02,,,,,", lines);
        Assert.Contains(lines, line => line.StartsWith("2019-05-01,ctbt,CTBT,multilateral,,signed,1996-09-24,,,,") && line.EndsWith(",This record follows only United States and Russia: the acts of other states are not recorded."));
        Assert.Contains(lines, line => line.StartsWith("2019-05-01,open-skies,Open Skies,multilateral,Sweden,party,"));
        var parties = await Page.EvaluateAsync<int>("async () => (await (await fetch('/api/status?asOf=2019-05-01')).json()).treaties.reduce((n, t) => n + 1 + t.parties.length, 0)");
        Assert.Equal(parties + 1, lines.Length);
    }

    [Fact]
    public async Task a_diff_and_the_allegations_download_as_csv()
    {
        await Page.GotoAsync("/treaties/inf?asOf=2019-12-01");
        await Page.FillAsync("#diff-from", "2019-01-01");
        await Page.ClickAsync("#diff-form button[type=submit]");
        await Assertions.Expect(Page.Locator("#diff-summary")).ToContainTextAsync("On 2019-01-01 the treaty was in-force; on 2019-12-01 it was terminated. 5 changes");

        var (diffName, diff) = await DownloadAsync("#download-diff");
        Assert.Equal("inf-changes-2019-01-01-to-2019-12-01.csv", diffName);
        Assert.Equal("treaty,on,party,from,fromToward,to,toward,previousEndedBy,effectiveOn,causeType,causeOn,causeSummary,sourceTitle,sourceUrl", diff[0]);
        Assert.StartsWith("inf,2019-02-02,United States,party,,withdrawing,,,2019-08-02,withdrawal-notice-given,2019-02-02,", diff[1]);
        Assert.Contains(diff, line => line.StartsWith("inf,2019-08-02,,in-force,,terminated,,,"));
        Assert.Equal(6, diff.Length);

        var (_, allegations) = await DownloadAsync("#download-allegations");
        Assert.Equal("treaty,on,certainty,accuser,accused,summary,sourceTitle,sourceUrl,sourcePublishedOn", allegations[0]);
        Assert.Contains(allegations, line => line.StartsWith("inf,2019-02-02,,Russia,United States,\"At the same Kremlin meeting"));
        Assert.Equal(await Page.Locator("#allegations-table tbody tr").CountAsync() + 1, allegations.Length);
    }

    [Fact]
    public async Task the_chart_downloads_as_a_png()
    {
        await Page.GotoAsync("/?asOf=2019-05-01");
        await Assertions.Expect(Page.Locator("#timeline canvas").First).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#timeline-state")).ToBeHiddenAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() => Page.ClickAsync("#download-chart"));
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal("timeline-2019-05-01.png", download.SuggestedFilename);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        Assert.True(bytes.Length > 10_000, $"the PNG has only {bytes.Length} bytes");
    }

    [Fact]
    public async Task the_printed_page_shows_the_status_its_sources_and_the_citation_without_controls()
    {
        await Page.GotoAsync("/treaties/new-start?asOf=2020-12-01");
        await Assertions.Expect(Page.Locator("#status-sources li").First).ToContainTextAsync("entered-into-force of 2011-02-05");
        await Page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(Page.Locator("#cite .citation")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#cite a.permalink")).ToHaveAttributeAsync("href", new Regex(@"/treaties/new-start\?asOf=2020-12-01&recordedAt=[^&]+$"));
        await Assertions.Expect(Page.Locator("#as-of-form")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#download-status")).ToBeHiddenAsync();
        await Assertions.Expect(Page.Locator("#parties-table")).ToBeVisibleAsync();
        // The sortable headers are buttons: printed, they are the headers' text.
        foreach (var header in new[] { "Party", "Status", "Since" })
            await Assertions.Expect(Page.Locator("#parties-table thead th").Filter(new() { HasText = header }).Locator("button")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#status-sources")).ToBeVisibleAsync();
        var pdf = await Page.PdfAsync(new() { Format = "A4", Path = Path.Combine(Path.GetDirectoryName(Screenshot("x"))!, "treaty-new-start-print.pdf") });
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        await Page.ScreenshotAsync(new() { Path = Screenshot("treaty-new-start-print"), FullPage = true });
    }
}
