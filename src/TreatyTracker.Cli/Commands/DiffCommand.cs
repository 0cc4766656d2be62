using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public sealed class DiffSettings : ReadSettings
{
    [CommandArgument(0, "<TREATY>")]
    public string Treaty { get; init; } = "";

    [CommandOption("--from <DATE>")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    public string? To { get; init; }

    public override ValidationResult Validate() =>
        From is null || To is null
            ? ValidationResult.Error("--from and --to are both required")
            : Dates.All(base.Validate(), Dates.Check("--from", From), Dates.Check("--to", To));
}

[Description("What changed in a treaty between two dates, with the events that caused it")]
public sealed class DiffCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<DiffSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DiffSettings settings, CancellationToken cancellation)
    {
        using var client = clients.For(settings);
        var diff = await client.GetAsync($"/api/treaties/{Uri.EscapeDataString(settings.Treaty)}/diff{Output.Query(("from", settings.From), ("to", settings.To))}", cancellation);
        if (settings.Json) { Output.Json(console, diff); return 0; }

        var table = Output.Table($"{settings.Treaty}: {diff["statusOnFrom"]} on {settings.From}, {diff["statusOnTo"]} on {settings.To}", "On", "Who",
            new Column("From", Drop: 1, FoldInto: "To", FoldAs: "from {0}"), "To", "Caused by");
        foreach (var t in diff["transitions"]!.AsArray())
            table.AddRow(Output.Text(t!["on"]), Output.Text(t["party"] ?? "the treaty"), Output.Text(t["from"] ?? "—"), Output.Status(t["to"]),
                Output.Text(t["cause"] is { } cause ? $"{cause["type"]} of {cause["on"]}" : "—"));
        console.Write(table);
        return 0;
    }
}
