using System.Diagnostics;
using System.Runtime.InteropServices;

namespace TreatyTracker.Benchmarks;

/// <summary>
/// The server as the Dockerfile deploys it: published for this platform with ReadyToRun, so that the framework's,
/// Marten's and Wolverine's code starts precompiled instead of being compiled at start.
/// </summary>
public static class DeployedServer
{
    public static async Task<string> PublishAsync()
    {
        var output = Path.Combine(AppContext.BaseDirectory, "deployed");
        var project = Path.Combine(RepositoryRoot(), "src", "TreatyTracker");
        var publish = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
                     "-p:PublishReadyToRun=true", "-o", output, "-v", "q", "-nologo" })
            publish.ArgumentList.Add(argument);
        using var process = Process.Start(publish)!;
        var said = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? Path.Combine(output, "TreatyTracker.dll")
            : throw new InvalidOperationException($"dotnet publish failed:\n{await said}\n{await errors}");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "TreatyTracker.sln"))) return folder.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the repository.");
    }
}
