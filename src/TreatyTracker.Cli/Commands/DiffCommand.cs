using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

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
        var diff = await client.Api.GetDiffAsync(settings.Treaty, Dates.Of(settings.From), Dates.Of(settings.To), cancellationToken: cancellation);
        if (settings.Json) { Output.Json(console, client.LastAnswer); return 0; }

        var table = Output.Table($"{settings.Treaty}: {Output.Word(diff.StatusOnFrom)} on {settings.From}, {Output.Word(diff.StatusOnTo)} on {settings.To}", "On", "Who",
            new Column("From", Drop: 1, FoldInto: "To", FoldAs: "from {0}"), "To", "Caused by");
        foreach (var t in diff.Transitions)
            table.AddRow(Output.Text(t.On), Output.Text(t.Party ?? "the treaty"), t.From is null ? "—" : Output.Text(t.From) + (t.FromToward is { Count: > 0 } was ? $" toward {Output.Text(string.Join(", ", was))}" : ""),
                Output.Status(t.To, t.Toward) + (t.PreviousEndedBy is { } ended ? $" [grey]({Output.Word(ended).Replace('-', ' ')})[/]" : ""),
                Output.Text(t.Cause is { } cause ? $"{cause.Type} of {Output.Day(cause.On)}" : "—"));
        console.Write(table);
        return 0;
    }
}
