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
        var table = Output.Table($"Status on {asOf}", "Treaty, its parties", "Status", "Since",
            new Column("Takes effect", Drop: 1, FoldInto: "Status", FoldAs: "takes effect {0}"));
        foreach (var treaty in treaties)
        {
            table.AddRow($"[bold]{Output.Text(treaty["shortName"])}[/]", Output.Status(treaty["status"]), Output.Date(treaty["since"], treaty["sinceCertainty"]), "");
            foreach (var party in treaty["parties"]!.AsArray())
                table.AddRow("  " + Output.Text(party!["name"]) + Note(party, asOf), Output.Status(party["status"]) + Before(party),
                    Output.Date(party["since"], party["sinceCertainty"]), Output.Text(party["effectiveOn"]));
        }
        console.Write(table);
        return 0;
    }

    /// <summary>What a party's name hides, as the dashboard says it: its other names, and whose standing it took over.</summary>
    private static string Note(JsonNode party, string asOf)
    {
        var notes = new List<string>();
        var name = party["name"]?.ToString();
        foreach (var other in party["names"]?.AsArray() ?? [])
            if (other?["name"]?.ToString() is { } alias && alias != name)
                notes.Add(string.CompareOrdinal(other["from"]?.ToString(), asOf) > 0 ? $"continued as {alias} from {other["from"]}" : $"formerly {alias}");
        if (party["successorOf"] is { } predecessor) notes.Add($"successor of {predecessor}");
        if (party["succeededBy"] is JsonArray successors) notes.Add($"succeeded by {string.Join(" and ", successors)}");
        return notes.Count == 0 ? "" : $" [grey]({Markup.Escape(string.Join("; ", notes))})[/]";
    }

    /// <summary>Once the treaty has ended: where the party stood just before.</summary>
    private static string Before(JsonNode party) => party["before"] is { } before
        ? $" [grey](was {Markup.Escape(before["status"]?.ToString() ?? "")} since {Output.Date(before["since"], before["sinceCertainty"])})[/]"
        : "";
}
