using System.Diagnostics;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>
/// The npm tools the contract tests run (<c>tests/tools/openapi</c>: redocly), installed from its lock file with
/// <c>npm ci</c> the first time a test needs them, as on a clean clone.
/// </summary>
public static class OpenApiTools
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "tools", "openapi");

    private static readonly SemaphoreSlim Installing = new(1, 1);

    public sealed record Run(int ExitCode, string Output);

    /// <summary>Runs a tool of the folder's <c>node_modules/.bin</c>, installing them first if they are missing.</summary>
    public static async Task<Run> RunAsync(string tool, params string[] arguments)
    {
        await Installing.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(Folder, "node_modules")))
            {
                var install = await ProcessAsync("npm", ["ci", "--no-audit", "--no-fund"]);
                if (install.ExitCode != 0) throw new InvalidOperationException($"npm ci in {Folder} failed:\n{install.Output}");
            }
        }
        finally
        {
            Installing.Release();
        }
        return await ProcessAsync(Path.Combine(Folder, "node_modules", ".bin", tool), arguments);
    }

    private static async Task<Run> ProcessAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output + await errors);
    }
}
