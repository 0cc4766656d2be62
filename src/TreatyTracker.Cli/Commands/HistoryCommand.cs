using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public sealed class TreatySettings : ReadSettings
{
    [CommandArgument(0, "<TREATY>")]
    [Description("A treaty id such as inf")]
    public string Treaty { get; init; } = "";
}

[Description("A treaty's status intervals and its dated events with sources")]
public sealed class HistoryCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<TreatySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TreatySettings settings, CancellationToken cancellation)
    {
        using var client = clients.For(settings);
        var history = await client.GetAsync($"/api/treaties/{Uri.EscapeDataString(settings.Treaty)}/history", cancellation);
        if (settings.Json) { Output.Json(console, history); return 0; }

        var intervals = Output.Table($"{history["name"]}: status intervals [from, to)", "Who", "Status", "From", "To");
        foreach (var i in history["intervals"]!.AsArray())
            intervals.AddRow("the treaty", Output.Status(i!["status"]), i["from"] is null ? "…" : Output.Date(i["from"], i["certainty"]), Output.Text(i["to"] ?? "…"));
        foreach (var party in history["parties"]!.AsArray())
        foreach (var i in party!["intervals"]!.AsArray())
            intervals.AddRow(Output.Text(party["name"]), Output.Status(i!["status"]), Output.Date(i["from"], i["certainty"]), Output.Text(i["to"] ?? "…"));
        console.Write(intervals);

        var events = Output.Table("Events", "On", "Type", "Summary", new Column("Source", Drop: 1));
        foreach (var e in history["events"]!.AsArray())
            events.AddRow(Output.Date(e!["on"], e["certainty"]), Output.Text(e["type"]) + (e["retracted"]?.GetValue<bool>() == true ? " [grey](retracted)[/]" : ""),
                Output.Text(e["summary"]), Output.Text(e["source"]?["url"] ?? e["source"]?["title"]));
        console.Write(events);
        return 0;
    }
}
