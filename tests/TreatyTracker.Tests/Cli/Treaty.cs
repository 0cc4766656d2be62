using System.Diagnostics;
using Spectre.Console;
using TreatyTracker.Cli;
using TreatyTracker.Tests.Infrastructure;

namespace TreatyTracker.Tests.Cli;

public sealed record CliRun(int ExitCode, string Output);

/// <summary>`treaty` against a server: in-process on a console of a given width, or as its own process with its output piped.</summary>
public static class Treaty
{
    public static async Task<CliRun> RunAsync(Uri server, int? width, params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer)
        });
        if (width is { } columns) console.Profile.Width = columns;
        var exit = await TreatyCli.RunAsync([.. args, "--server", server.ToString()], console);
        return new CliRun(exit, writer.ToString());
    }

    /// <summary>The built `treaty` run as a program, its standard streams redirected as in `treaty … | less`.</summary>
    public static async Task<CliRun> PipedAsync(Uri server, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet");
        foreach (var argument in (string[])[Assembly(), .. args, "--server", server.ToString()]) start.ArgumentList.Add(argument);
        start.Environment["TERM"] = "dumb";
        return await RunToEndAsync(start);
    }

    /// <summary>A program with no input, to its end: its exit code, and its output and errors together.</summary>
    public static async Task<CliRun> RunToEndAsync(ProcessStartInfo start)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await output + await errors);
    }

    /// <summary>The CLI built beside these tests, in the same configuration.</summary>
    private static string Assembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot.Path, "src", "TreatyTracker.Cli", "bin", configuration, "net10.0", "treaty.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first: the CLI assembly is missing.", path);
    }
}
