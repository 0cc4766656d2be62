using System.Diagnostics;
using Npgsql;

namespace TreatyTracker.Tests.Hosting.Backup;

/// <summary>
/// PostgreSQL's command-line clients (pg_dump, createdb, pg_restore …) from <paramref name="binaries"/>, run the way
/// an operator runs them, against the server of <paramref name="connectionString"/>: its address, user and
/// password go through the PG* environment variables, never on the command line.
/// </summary>
public sealed class PostgresClients(string binaries, string connectionString)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public async Task RunAsync(string tool, params string[] arguments)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Path.Combine(binaries, tool))
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath()
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGHOST"] = server.Host;
        start.Environment["PGPORT"] = server.Port.ToString();
        start.Environment["PGUSER"] = server.Username;
        start.Environment["PGPASSWORD"] = server.Password;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within {Limit.TotalMinutes} minutes.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{tool} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}: {(await error).Trim()} {(await output).Trim()}");
    }
}
