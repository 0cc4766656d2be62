using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public sealed class StateSettings : ReadSettings
{
    [CommandArgument(0, "<STATE>")] [Description("A state, by any name it has had (Russia, USSR)")] public string State { get; init; } = "";
    [CommandOption("--as-of <DATE>")] public string? AsOf { get; init; }
    [CommandOption("--recorded-at <INSTANT>")] public string? RecordedAt { get; init; }

    public override ValidationResult Validate() => Dates.All(base.Validate(), Dates.Check("--as-of", AsOf));
}

[Description("Every treaty a state took part in: where it stood in each on a date, the next deadline, its allegations")]
public sealed class StateCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<StateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StateSettings s, CancellationToken cancellation)
    {
        using var client = clients.For(s);
        var view = await client.GetAsync($"/api/states/{Uri.EscapeDataString(s.State)}" + Output.Query(("asOf", s.AsOf), ("recordedAt", s.RecordedAt)), cancellation);
        if (s.Json) { Output.Json(console, view); return 0; }

        var table = Output.Table($"{view["state"]} on {view["asOf"]}", "Treaty",
            new Column("Treaty status", Drop: 3, FoldInto: "Treaty", FoldAs: "treaty {0}"), new Column("As", Drop: 2, FoldInto: "Treaty", FoldAs: "as {0}"),
            "Status", "Since", new Column("Next deadline", Drop: 1, FoldInto: "Treaty", FoldAs: "next: {0}"));
        foreach (var t in view["treaties"]!.AsArray())
            table.AddRow(Output.Text(t!["shortName"]), Output.Status(t["treatyStatus"]), Output.Text(t["name"]),
                t["status"] is null ? "not yet a signatory" : Output.Status(t["status"]) + (t["toward"] is { } toward ? $" toward {Markup.Escape(string.Join(", ", toward.AsArray()))}" : ""),
                Output.Date(t["since"], t["sinceCertainty"]),
                t["nextDeadline"] is { } next ? $"{Output.Text(next["on"])} {Output.Text(next["kind"])}" : "");
        console.Write(table);

        var allegations = Output.Table("Allegations", "On", "Treaty", "Accuser", "Accused", "Summary");
        foreach (var a in view["allegationsBy"]!.AsArray().Concat(view["allegationsAgainst"]!.AsArray()).OrderByDescending(a => a!["on"]!.GetValue<string>()))
            allegations.AddRow(Output.Date(a!["on"], a["certainty"]), Output.Text(a["treatyId"]), Output.Text(a["accuser"]), Output.Text(a["accused"]), Output.Text(a["summary"]));
        console.Write(allegations);
        return 0;
    }
}
