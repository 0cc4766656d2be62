using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

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
        var page = await client.Api.GetStatusDuringAsync(Dates.Of(s.From), Dates.Of(s.To), s.Status, s.Treaty, s.State, s.Page, cancellationToken: cancellation);
        if (s.Json) { Output.Json(console, client.LastAnswer); return 0; }

        if (page.Intervals.Count == 0) { console.MarkupLine(Markup.Escape($"Nothing held {s.Status ?? "any status"} in [{s.From}, {s.To}).")); return 0; }
        var table = Output.Table($"[{s.From}, {s.To})", "Treaty", "Party", "Status", "From",
            new Column("To", Drop: 1, FoldInto: "From", FoldAs: "→ {0}"));
        foreach (var i in page.Intervals)
            table.AddRow(Output.Text(i.ShortName), i.Party is null ? "(the treaty)" : Output.Text(i.Party), Output.Status(i.Status, i.Toward),
                Output.Date(i.From, i.Certainty), i.To is { } to ? Output.Text(to) : "open");
        console.Write(table);
        return 0;
    }
}
