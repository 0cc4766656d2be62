using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

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

    public override ValidationResult Validate() => Dates.All(base.Validate(), Dates.Check("--as-of", AsOf), Instants.Check("--recorded-at", RecordedAt));
}

[Description("The status of a treaty, or of every treaty, and of each party on a date")]
public sealed class StatusCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<StatusSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, StatusSettings settings, CancellationToken cancellation)
    {
        using var client = clients.For(settings);
        var asOf = Dates.Of(settings.AsOf);
        var recordedAt = Instants.At(settings.RecordedAt);
        List<StatusAsOfResponse> treaties;
        JsonNode raw;
        if (settings.Treaty is not null)
        {
            treaties = [await client.Api.GetTreatyStatusAsOfAsync(settings.Treaty, asOf, recordedAt, cancellationToken: cancellation)];
            raw = client.LastAnswer;
        }
        else
        {
            treaties = [];
            var pages = new JsonArray();
            for (var page = 1; ; page++)
            {
                var batch = await client.Api.GetStatusAsOfAsync(asOf, recordedAt, page, PageSize, cancellationToken: cancellation);
                treaties.AddRange(batch.Treaties);
                foreach (var treaty in client.LastAnswer["treaties"]!.AsArray()) pages.Add(treaty!.DeepClone());
                if (batch.Treaties.Count < PageSize) break;
            }
            raw = pages;
        }

        if (settings.Json) { Output.Json(console, raw); return 0; }

        var shownAsOf = treaties.FirstOrDefault()?.AsOf ?? asOf;
        var table = Output.Table($"Status on {(shownAsOf is { } day ? Output.Day(day) : "today")}", "Treaty, its parties", "Status", "Since",
            new Column("Takes effect", Drop: 1, FoldInto: "Status", FoldAs: "takes effect {0}"));
        foreach (var treaty in treaties)
        {
            table.AddRow($"[bold]{Output.Text(treaty.ShortName)}[/]", Output.Status(treaty.Status), Output.Date(treaty.Since, treaty.SinceCertainty), "");
            foreach (var party in treaty.Parties)
                table.AddRow("  " + Output.Text(party.Name) + Note(party, treaty.AsOf), Output.Status(Output.Word(party.Status), party.Toward) + Output.Before(party.Before),
                    Output.Date(party.Since, party.SinceCertainty), Output.Text(party.EffectiveOn));
        }
        console.Write(table);
        foreach (var treaty in treaties.Where(t => t.Scope is { Complete: false }))
            console.MarkupLine($"[yellow]{Output.Text(treaty.ShortName)}:[/] {Output.Text(treaty.Scope.Description)}");
        return 0;
    }

    private const int PageSize = 1000;

    /// <summary>What a party's name hides, as the dashboard says it: its other names, and whose standing it took over.</summary>
    private static string Note(PartySnapshot party, DateOnly asOf)
    {
        var notes = new List<string>();
        foreach (var other in party.Names ?? [])
            if (other.Name != party.Name)
                notes.Add(other.From > asOf ? $"continued as {other.Name} from {Output.Day(other.From)}" : $"formerly {other.Name}");
        if (party.SuccessorOf is { } predecessor) notes.Add($"successor of {predecessor}");
        if (party.SucceededBy is { Count: > 0 } successors) notes.Add($"succeeded by {string.Join(" and ", successors)}");
        return notes.Count == 0 ? "" : $" [grey]({Markup.Escape(string.Join("; ", notes))})[/]";
    }
}
