using System.Diagnostics;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Cli;

/// <summary>
/// The README's two commands that make `treaty` a .NET tool, run as written there, except that the package folder is
/// a temporary one and the tool goes to a temporary <c>--tool-path</c> rather than the user's global tools.
/// </summary>
public class installing_the_tool(RunningServer server) : IClassFixture<RunningServer>
{
    private const string Packages = "./packages";
    private const string Pack = $"dotnet pack src/TreatyTracker.Cli -o {Packages}";
    private const string Install = $"dotnet tool install --global TreatyTracker.Cli --add-source {Packages}";

    [Fact]
    public async Task a_local_pack_installs_as_the_readme_says_and_the_installed_treaty_answers()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Path, "README.md"), TestContext.Current.CancellationToken);
        Assert.Contains(Pack, readme);
        Assert.Contains(Install, readme);

        var packages = Directory.CreateTempSubdirectory("treaty-packages");
        var tools = Directory.CreateTempSubdirectory("treaty-tools");
        // A package cache of its own: an earlier pack of the same version in the user's cache would be installed instead.
        var cache = Directory.CreateTempSubdirectory("treaty-nuget");
        try
        {
            var pack = await RunAsync(Pack.Replace(Packages, packages.FullName));
            Assert.True(pack.ExitCode == 0, pack.Output);
            var install = await RunAsync(Install.Replace(Packages, packages.FullName).Replace("--global", $"--tool-path {tools.FullName}"), cache.FullName);
            Assert.True(install.ExitCode == 0, install.Output);

            var treaty = Path.Combine(tools.FullName, "treaty");
            var help = await RunAsync($"{treaty} --help");
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("status", help.Output);
            Assert.Contains("record", help.Output);

            var status = await RunAsync($"{treaty} status inf --as-of 2019-05-01 --server {server.Address}");
            Assert.True(status.ExitCode == 0, status.Output);
            Assert.Contains("withdrawing", status.Output);
            Assert.Contains("Russia (formerly", status.Output);
        }
        finally
        {
            foreach (var folder in new[] { packages, tools, cache }) folder.Delete(recursive: true);
        }
    }

    /// <summary>A command line (no quoting: none of ours has spaces in an argument) run from the repository's root.</summary>
    private static Task<CliRun> RunAsync(string commandLine, string? packageCache = null)
    {
        var words = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(words[0]) { WorkingDirectory = RepositoryRoot.Path };
        foreach (var word in words[1..]) start.ArgumentList.Add(word);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (packageCache is not null) start.Environment["NUGET_PACKAGES"] = packageCache;
        return Treaty.RunToEndAsync(start);
    }
}
