using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public sealed class ExportSettings : ServerSettings
{
    [CommandOption("--treaty <TREATY>")] [Description("Only this treaty (default: every treaty)")] public string? Treaty { get; init; }
    [CommandOption("--format <FORMAT>")] [Description("csv or json")] public string? Format { get; init; }
    [CommandOption("--out <FILE>")] [Description("The file to write")] public string? Out { get; init; }

    public override ValidationResult Validate() =>
        Format is not ("csv" or "json") ? ValidationResult.Error("--format must be csv or json")
        : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out is required")
        : base.Validate();
}

[Description("Write every event with its sources to a file that `treaty import` reads back unchanged")]
public sealed class ExportCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<ExportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ExportSettings settings, CancellationToken cancellation)
    {
        using var client = clients.For(settings);
        var ids = settings.Treaty is not null
            ? [settings.Treaty]
            : (await client.Api.GetTreatiesAsync(cancellationToken: cancellation)).Select(t => t.Id).ToList();

        var rows = new List<JsonObject>();
        foreach (var id in ids)
        {
            rows.Add(ExchangeFormat.Registration(await client.Api.GetTreatyAsync(id, cancellationToken: cancellation)));
            rows.AddRange((await client.Api.GetEventsAsync(id, cancellationToken: cancellation)).Select(e => ExchangeFormat.Event(id, e)));
        }

        var text = settings.Format == "json"
            ? new JsonArray(rows.Select(r => (JsonNode?)r).ToArray()).ToJsonString(Output.Indented) + "\n"
            : ExchangeFormat.ToCsv(rows);
        await File.WriteAllTextAsync(settings.Out!, text, cancellation);
        console.MarkupLine($"Exported {ids.Count} treaties, {rows.Count - ids.Count} events to {Markup.Escape(settings.Out!)}.");
        return 0;
    }
}
