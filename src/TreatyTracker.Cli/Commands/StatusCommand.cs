using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public sealed class StatusSettings : ReadSettings
{
    [CommandArgument(0, "[TREATY]")]
    [Description("A treaty id such as inf; without it, every treaty")]
    public string? Treaty { get; init; }

    [CommandOption("--as-of <DATE>")]
    [Description("The day to ask about, YYYY-MM-DD (default: today)")]
    public string? AsOf { get; init; }

    [CommandOption("--recorded-at <INSTANT>")]
    [Description("Answer from what had been recorded by this instant (ISO-8601), for audit")]
    public string? RecordedAt { get; init; }

    public override ValidationResult Validate() => Dates.All(base.Validate(), Dates.Check("--as-of", AsOf));
}

[Description("The status of a treaty, or of every treaty, and of each party on a date")]
public sealed class StatusCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<StatusSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellation)
    {
        using var client = clients.For(settings);
        var query = Output.Query(("asOf", settings.AsOf), ("recordedAt", settings.RecordedAt));
        List<JsonNode> treaties;
        JsonNode raw;
        if (settings.Treaty is not null)
        {
            raw = await client.GetAsync($"/api/treaties/{Uri.EscapeDataString(settings.Treaty)}/status{query}", cancellation);
            treaties = [raw];
        }
        else
        {
            treaties = [];
            for (var page = 1; ; page++)
            {
                var answer = await client.GetAsync($"/api/status{query}{(query.Length == 0 ? "?" : "&")}pageSize=1000&page={page}", cancellation);
                var batch = answer["treaties"]!.AsArray().Select(t => t!.DeepClone()).ToList();
                treaties.AddRange(batch);
                if (batch.Count < 1000) break;
            }
            raw = new JsonArray(treaties.Select(t => (JsonNode?)t.DeepClone()).ToArray());
        }

        if (settings.Json) { Output.Json(console, raw); return 0; }

        var asOf = treaties.FirstOrDefault()?["asOf"]?.ToString() ?? settings.AsOf ?? "today";
        var table = Output.Table($"Status on {asOf}", "Treaty", "Status", "Since", "Party", "Party status", "Since", "Takes effect");
        foreach (var treaty in treaties)
        {
            table.AddRow(Output.Text(treaty["shortName"]), Output.Status(treaty["status"]), Output.Text(treaty["since"]), "", "", "", "");
            foreach (var party in treaty["parties"]!.AsArray())
                table.AddRow("", "", "", Output.Text(party!["name"]), Output.Status(party["status"]), Output.Text(party["since"]), Output.Text(party["effectiveOn"]));
        }
        console.Write(table);
        return 0;
    }
}
