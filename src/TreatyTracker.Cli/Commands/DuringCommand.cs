using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public sealed class DuringSettings : ReadSettings
{
    [CommandOption("--from <DATE>")] [Description("The period's first day")] public string? From { get; init; }
    [CommandOption("--to <DATE>")] [Description("The day after the period: it is [[from, to)")] public string? To { get; init; }
    [CommandOption("--status <STATUS>")] public string? Status { get; init; }
    [CommandOption("--treaty <TREATY>")] public string? Treaty { get; init; }
    [CommandOption("--state <STATE>")] public string? State { get; init; }
    [CommandOption("--page <N>")] public int? Page { get; init; }

    public override ValidationResult Validate() => Dates.All(base.Validate(),
        From is null || To is null ? ValidationResult.Error("--from and --to are required: the period is [from, to)") : ValidationResult.Success(),
        Dates.Check("--from", From), Dates.Check("--to", To));
}

[Description("Which treaties and parties held a status at any time in a period, with the intervals that overlap it")]
public sealed class DuringCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<DuringSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DuringSettings s, CancellationToken cancellation)
    {
        using var client = clients.For(s);
        var page = await client.GetAsync("/api/status/during" + Output.Query(("from", s.From), ("to", s.To), ("status", s.Status),
            ("treaty", s.Treaty), ("state", s.State), ("page", s.Page?.ToString(CultureInfo.InvariantCulture))), cancellation);
        if (s.Json) { Output.Json(console, page); return 0; }

        var intervals = page["intervals"]!.AsArray();
        if (intervals.Count == 0) { console.MarkupLine(Markup.Escape($"Nothing held {s.Status ?? "any status"} in [{s.From}, {s.To}).")); return 0; }
        var table = Output.Table($"[{s.From}, {s.To})", "Treaty", "Party", "Status", "From",
            new Column("To", Drop: 1, FoldInto: "From", FoldAs: "→ {0}"));
        foreach (var i in intervals)
            table.AddRow(Output.Text(i!["shortName"]), i["party"] is null ? "(the treaty)" : Output.Text(i["party"]), Output.Status(i["status"]),
                Output.Date(i["from"], i["certainty"]), i["to"] is null ? "open" : Output.Text(i["to"]));
        console.Write(table);
        return 0;
    }
}
