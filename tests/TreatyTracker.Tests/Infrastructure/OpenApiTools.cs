using System.Diagnostics;

namespace TreatyTracker.Tests.Infrastructure;

/// <summary>
/// The npm tools the contract tests run (<c>tests/tools/openapi</c>: redocly, Prism), installed from its lock file with
/// <c>npm ci</c> the first time a test needs one that is missing, as on a clean clone.
/// </summary>
public static class OpenApiTools
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "tools", "openapi");

    private static readonly SemaphoreSlim Installing = new(1, 1);

    public sealed record Run(int ExitCode, string Output);

    /// <summary>Runs a tool of the folder's <c>node_modules/.bin</c> to its end, installing the tools first if it is missing.</summary>
    public static async Task<Run> RunAsync(string tool, params string[] arguments) => await ProcessAsync(await StartInfoAsync(tool, arguments));

    /// <summary>How to start a tool of the folder's <c>node_modules/.bin</c> (a server, say), installing the tools first if it is missing.</summary>
    public static async Task<ProcessStartInfo> StartInfoAsync(string tool, params string[] arguments)
    {
        var file = Path.Combine(Folder, "node_modules", ".bin", tool);
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(file))
            {
                var install = await ProcessAsync(Start("npm", ["ci", "--no-audit", "--no-fund"]));
                if (install.ExitCode != 0) throw new InvalidOperationException($"npm ci in {Folder} failed:\n{install.Output}");
            }
        }
        finally
        {
            Installing.Release();
        }
        return Start(file, arguments);
    }

    private static ProcessStartInfo Start(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["NO_COLOR"] = "1";
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["SCARF_ANALYTICS"] = "false";
        return start;
    }

    private static async Task<Run> ProcessAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output + await errors);
    }
}
