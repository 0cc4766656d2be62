using System.Net;
using System.Text;
using TreatyTracker.Features.Keys;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Hosting.Commands;

/// <summary>The server's own <c>keys</c> command, run as an administrator runs it, beside the running server.</summary>
public class the_keys_command(EmptyRunningServer server, PostgresServer postgres) : IClassFixture<EmptyRunningServer>
{
    [Fact]
    public async Task on_a_new_database_prints_the_key_and_no_sql_or_command_search_unless_verbose()
    {
        var quiet = await server.RunCommandAsync(await postgres.CreateDatabaseAsync("keys"), quietLogs: false, "keys", "create", "Jane Analyst", "--role", "editor");
        var verbose = await server.RunCommandAsync(await postgres.CreateDatabaseAsync("keys"), quietLogs: false, "keys", "create", "Jane Analyst", "--role", "editor", "--verbose");

        Assert.Equal(0, quiet.ExitCode);
        var lines = quiet.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("tt_", lines[^1]);
        Assert.StartsWith("Issued editor key ", lines[^2]);
        Assert.False(RunningServer.ShowsSql(quiet.Output + quiet.Errors), quiet.Output + quiet.Errors);
        Assert.DoesNotContain(lines, line => line.StartsWith("Searching '", StringComparison.Ordinal));
        Assert.Equal(0, verbose.ExitCode);
        Assert.True(RunningServer.ShowsSql(verbose.Output), "--verbose shows Marten's DDL");
    }

    private async Task<HttpStatusCode> RegisterWithAsync(string key, string id)
    {
        using var client = server.ClientWithKey(key);
        using var response = await client.PostAsync("/api/treaties", new StringContent(
            $$"""{"id":"{{id}}","name":"Treaty {{id}}","shortName":"{{id}}","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""",
            Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    [Fact]
    public async Task lists_issued_keys_and_a_key_it_revokes_fails_at_once()
    {
        var key = await server.IssueKeyAsync(Role.Editor, "Jane Analyst");
        var id = key.Split('_')[1];
        Assert.Equal(HttpStatusCode.Created, await RegisterWithAsync(key, "before-revocation"));

        var listed = await server.RunCommandAsync("keys", "list");
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains($"{id}  editor  Jane Analyst", listed.Output);
        Assert.DoesNotContain(key.Split('_', 3)[2], listed.Output);

        var revoked = await server.RunCommandAsync("keys", "revoke", id);
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await RegisterWithAsync(key, "after-revocation"));
        Assert.Contains("REVOKED", (await server.RunCommandAsync("keys", "list")).Output);
    }

    [Theory]
    [InlineData("keys create Mallory --role superuser", "--role must be reader, editor or admin")]
    [InlineData("keys create", "name: is required")]
    [InlineData("keys revoke 0000000000000000", "No API key has the id '0000000000000000'")]
    [InlineData("keys rotate everything", "The action must be list, create or revoke")]
    public async Task refuses_bad_input_with_a_clear_message_a_non_zero_exit_and_issues_nothing(string arguments, string message)
    {
        var before = (await server.RunCommandAsync("keys", "list")).Output;

        var refused = await server.RunCommandAsync(arguments.Split(' '));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains(message, refused.Output + refused.Errors);
        Assert.Equal(before, (await server.RunCommandAsync("keys", "list")).Output);
    }
}
