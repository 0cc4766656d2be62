using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

namespace TreatyTracker.Cli.Commands;

public sealed class AllegationsSettings : ReadSettings
{
    [CommandOption("--accuser <NAME>")] public string? Accuser { get; init; }
    [CommandOption("--accused <NAME>")] public string? Accused { get; init; }
    [CommandOption("--treaty <TREATY>")] public string? Treaty { get; init; }
    [CommandOption("--from <DATE>")] public string? From { get; init; }
    [CommandOption("--to <DATE>")] public string? To { get; init; }

    public override ValidationResult Validate() => Dates.All(base.Validate(), Dates.Check("--from", From), Dates.Check("--to", To));
}

[Description("Violation allegations across treaties, newest first, with their sources")]
public sealed class AllegationsCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<AllegationsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, AllegationsSettings s, CancellationToken cancellation)
    {
        using var client = clients.For(s);
        var allegations = await client.Api.GetAllegationsAsync(s.Accuser, s.Accused, s.Treaty, Dates.Of(s.From), Dates.Of(s.To), cancellationToken: cancellation);
        if (s.Json) { Output.Json(console, client.LastAnswer); return 0; }

        var table = Output.Table("Allegations", "On", "Treaty", "Accuser", "Accused", "Summary", new Column("Source", Drop: 1));
        foreach (var a in allegations)
            table.AddRow(Output.Date(a.On, a.Certainty), Output.Text(a.TreatyId), Output.Text(a.Accuser), Output.Text(a.Accused), Output.Text(a.Summary), Output.Source(a.Source));
        console.Write(table);
        return 0;
    }
}
