using System.Diagnostics;
using System.Net;
using TreatyTracker.Hosting.LocalPostgres;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting;

/// <summary>Under <c>dotnet run</c> (its launch profile applied), <c>ASPNETCORE_URLS</c> and <c>--urls</c> each choose the address.</summary>
public class choosing_the_address(PostgresServer postgres)
{
    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("--urls")]
    public async Task dotnet_run_listens_where_it_is_told(string how)
    {
        var address = $"http://127.0.0.1:{LocalPostgresCluster.FreeLoopbackPort()}";
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in new[] { "run", "--no-build", "-c", configuration, "--project", Path.Combine("src", "TreatyTracker") }) start.ArgumentList.Add(argument);
        if (how == "--urls") foreach (var argument in new[] { "--", "--urls", address }) start.ArgumentList.Add(argument);
        else start.Environment["ASPNETCORE_URLS"] = address;
        start.Environment["ConnectionStrings__Marten"] = await postgres.CreateDatabaseAsync("address");
        start.Environment["TreatyTracker__SeedOnStart"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        using var server = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        server.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(5) };
            for (var attempt = 0; ; attempt++)
            {
                Assert.False(server.HasExited, string.Join('\n', output));
                try
                {
                    if ((await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException) when (attempt < 300) { /* not listening there yet */ }
                catch (TaskCanceledException) when (attempt < 300) { }
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }
}
