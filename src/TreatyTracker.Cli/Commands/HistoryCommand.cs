using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

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
        var history = await client.Api.GetHistoryAsync(settings.Treaty, cancellationToken: cancellation);
        if (settings.Json) { Output.Json(console, client.LastAnswer); return 0; }

        var intervals = Output.Table($"{history.Name}: status intervals [from, to)", "Who", "Status", "From", "To");
        foreach (var i in history.Intervals)
            intervals.AddRow("the treaty", Output.Status(i.Status), i.From is null ? "…" : Output.Date(i.From, i.Certainty), i.To is { } to ? Output.Text(to) : "…");
        foreach (var party in history.Parties)
        foreach (var i in party.Intervals)
            intervals.AddRow(Output.Text(party.Name), Output.Status(i.Status), Output.Date(i.From, i.Certainty), i.To is { } to ? Output.Text(to) : "…");
        console.Write(intervals);

        var events = Output.Table("Events", "On", "Type", "Summary", new Column("Source", Drop: 1));
        foreach (var e in history.Events)
            events.AddRow(Output.Date(e.On, e.Certainty), Output.Text(e.Type) + (e.Retracted ? " [grey](retracted)[/]" : ""), Output.Text(e.Summary), Output.Source(e.Source));
        console.Write(events);
        return 0;
    }
}
