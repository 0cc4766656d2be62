using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

namespace TreatyTracker.Cli.Commands;

public sealed class StateSettings : ReadSettings
{
    [CommandArgument(0, "<STATE>")] [Description("A state, by any name it has had (Russia, USSR)")] public string State { get; init; } = "";
    [CommandOption("--as-of <DATE>")] public string? AsOf { get; init; }
    [CommandOption("--recorded-at <INSTANT>")] public string? RecordedAt { get; init; }

    public override ValidationResult Validate() => Dates.All(base.Validate(), Dates.Check("--as-of", AsOf), Instants.Check("--recorded-at", RecordedAt));
}

[Description("Every treaty a state took part in: where it stood in each on a date, the next deadline, its allegations")]
public sealed class StateCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<StateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StateSettings s, CancellationToken cancellation)
    {
        using var client = clients.For(s);
        var view = await client.Api.GetStateAsync(s.State, Dates.Of(s.AsOf), Instants.At(s.RecordedAt), cancellationToken: cancellation);
        if (s.Json) { Output.Json(console, client.LastAnswer); return 0; }

        var table = Output.Table($"{view.State} on {Output.Day(view.AsOf)}", "Treaty",
            new Column("Treaty status", Drop: 3, FoldInto: "Treaty", FoldAs: "treaty {0}"), new Column("As", Drop: 2, FoldInto: "Treaty", FoldAs: "as {0}"),
            "Status", "Since", new Column("Next deadline", Drop: 1, FoldInto: "Treaty", FoldAs: "next: {0}"));
        foreach (var t in view.Treaties)
            table.AddRow(Output.Text(t.ShortName), Output.Status(t.TreatyStatus), Output.Text(t.Name),
                t.Status is null ? "not yet a signatory" : Output.Status(t.Status, t.Toward) + Output.Before(t.Before),
                Output.Date(t.Since, t.SinceCertainty),
                t.NextDeadline is { } next ? $"{Output.Text(next.On)} {Output.Text(next.Kind)}" : "");
        console.Write(table);

        var allegations = Output.Table("Allegations", "On", "Treaty", "Accuser", "Accused", "Summary");
        foreach (var a in view.AllegationsBy.Newest.Concat(view.AllegationsAgainst.Newest).OrderByDescending(a => a.On))
            allegations.AddRow(Output.Date(a.On, a.Certainty), Output.Text(a.TreatyId), Output.Text(a.Accuser), Output.Text(a.Accused), Output.Text(a.Summary));
        console.Write(allegations);
        foreach (var (side, words) in new[] { (view.AllegationsBy, "made"), (view.AllegationsAgainst, "faced") })
            if (side.Count > side.Newest.Count)
                console.MarkupLineInterpolated($"The newest {side.Newest.Count} of the {side.Count} it {words}; all of them: {side.All}");
        return 0;
    }
}
