using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Commands;

/// <summary>The server's own <c>seed</c> command, run as an administrator runs it.</summary>
public class the_seed_command(PostgresServer postgres)
{
    [Fact]
    public async Task on_a_database_it_cannot_reach_says_so_without_a_stack_trace_and_exits_non_zero()
    {
        var server = new EmptyRunningServer(postgres); // not started: only its way of running the server's commands

        var run = await server.RunCommandAsync("Host=127.0.0.1;Port=9;Database=treaties;Username=nobody;Password=none;Timeout=5",
            quietLogs: true, "seed");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Cannot seed: the database failed", run.Errors);
        Assert.DoesNotContain("   at ", run.Output + run.Errors);
    }

    [Fact]
    public async Task on_a_new_database_loads_the_seeds_and_a_second_run_finds_them_there()
    {
        var server = new EmptyRunningServer(postgres);
        var database = await postgres.CreateDatabaseAsync("seed");

        var first = await server.RunCommandAsync(database, quietLogs: true, "seed");
        var second = await server.RunCommandAsync(database, quietLogs: true, "seed");

        Assert.True(first.ExitCode == 0, first.Output + first.Errors);
        Assert.Contains("inf: registered, ", first.Output);
        Assert.True(second.ExitCode == 0, second.Output + second.Errors);
        Assert.Contains("inf: 0 events recorded", second.Output);
    }
}
