using System.Net;
using System.Text;
using Spectre.Console;
using TreatyTracker.Cli;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Cli;

/// <summary>An empty server that wants a key even to read (TreatyTracker:Access:ReadsRequireKey).</summary>
public sealed class EmptyServerWithKeysForReading : RunningServer
{
    public EmptyServerWithKeysForReading(PostgresServer postgres) : base(postgres) =>
        Settings = new Dictionary<string, string> { ["TreatyTracker:Access:ReadsRequireKey"] = "true" };

    protected override bool Seeded => false;
}

/// <summary>Statuses the contract does not document for an operation, and answers the client cannot read.</summary>
public class answers_the_contract_does_not_describe(EmptyServerWithKeysForReading server) : IClassFixture<EmptyServerWithKeysForReading>
{
    [Fact]
    public async Task a_read_without_a_key_where_reads_want_one_is_the_server_s_problem_and_says_how_to_pass_a_key()
    {
        var refused = await Treaty.RunAsync(server.Address, 220, "status", "inf");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("The server refused (401):", refused.Output);
        Assert.Contains("--api-key", refused.Output);
        Assert.DoesNotContain("{", refused.Output);
    }

    [Fact]
    public async Task an_answer_that_cannot_be_read_says_why()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 220;

        var exit = await TreatyCli.RunAsync(["status", "inf", "--server", "http://127.0.0.1:9"], console, new Answering("not json"));

        Assert.Equal(1, exit);
        var output = writer.ToString();
        Assert.Contains("The server answered 200, but its answer could not be read:", output);
        Assert.Contains("Could not deserialize", output);
        Assert.Contains("'not json' is an invalid JSON literal", output);
    }

    private sealed class Answering(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}
