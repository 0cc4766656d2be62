using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

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
        var allegations = await client.GetAsync("/api/allegations" + Output.Query(
            ("accuser", s.Accuser), ("accused", s.Accused), ("treaty", s.Treaty), ("from", s.From), ("to", s.To)), cancellation);
        if (s.Json) { Output.Json(console, allegations); return 0; }

        var table = Output.Table("Allegations", "On", "Treaty", "Accuser", "Accused", "Summary", new Column("Source", Drop: 1));
        foreach (var a in allegations.AsArray())
            table.AddRow(Output.Date(a!["on"], a["certainty"]), Output.Text(a["treatyId"]), Output.Text(a["accuser"]), Output.Text(a["accused"]),
                Output.Text(a["summary"]), Output.Text(a["source"]?["url"] ?? a["source"]?["title"]));
        console.Write(table);
        return 0;
    }
}
