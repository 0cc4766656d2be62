using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

namespace TreatyTracker.Cli.Commands;

public sealed class DeadlinesSettings : ReadSettings
{
    [CommandOption("--from <DATE>")] public string? From { get; init; }
    [CommandOption("--to <DATE>")] public string? To { get; init; }

    public override ValidationResult Validate() => Dates.All(base.Validate(), Dates.Check("--from", From), Dates.Check("--to", To));
}

[Description("Transitions due in a window (withdrawals taking effect, expiries); default from today on")]
public sealed class DeadlinesCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<DeadlinesSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DeadlinesSettings s, CancellationToken cancellation)
    {
        using var client = clients.For(s);
        var deadlines = await client.Api.GetDeadlinesAsync(Dates.Of(s.From), Dates.Of(s.To), cancellationToken: cancellation);
        if (s.Json) { Output.Json(console, client.LastAnswer); return 0; }

        var table = Output.Table("Deadlines", "On", "Treaty", "What", "Party", "Recorded");
        foreach (var d in deadlines)
            table.AddRow(Output.Text(d.On), Output.Text(d.TreatyId), Output.Text(d.Kind), Output.Text(d.Party), d.Recorded ? "yes" : "not yet");
        console.Write(table);
        return 0;
    }
}
