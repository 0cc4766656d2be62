using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

namespace TreatyTracker.Cli.Commands;

public sealed class RecordSettings : ServerSettings
{
    [CommandArgument(0, "<TREATY>")] public string Treaty { get; init; } = "";
    [CommandArgument(1, "<TYPE>")] [Description("An event type such as withdrawal-notice-given")] public string Type { get; init; } = "";
    [CommandOption("--on <DATE>")] [Description("The day it happened in the world")] public string? On { get; init; }
    [CommandOption("--certainty <CERTAINTY>")] [Description("How sure the date is: day (default), month, year or unconfirmed")] public string? Certainty { get; init; }
    [CommandOption("--successor <NAME>")] public string? Successor { get; init; }
    [CommandOption("--predecessor <NAME>")] public string? Predecessor { get; init; }
    [CommandOption("--kind <KIND>")] [Description("Of a succession: continuation or succession")] public string? Kind { get; init; }
    [CommandOption("--party <NAME>")] public string? Party { get; init; }
    [CommandOption("--parties <NAMES>")] [Description("Signatories, separated by ';'")] public string? Parties { get; init; }
    [CommandOption("--toward <NAMES>")] [Description("Parties a suspension is directed at, separated by ';'")] public string? Toward { get; init; }
    [CommandOption("--accuser <NAME>")] public string? Accuser { get; init; }
    [CommandOption("--accused <NAME>")] public string? Accused { get; init; }
    [CommandOption("--effective-on <DATE>")] public string? EffectiveOn { get; init; }
    [CommandOption("--expires-on <DATE>")] public string? ExpiresOn { get; init; }
    [CommandOption("--by <NAME>")] public string? By { get; init; }
    [CommandOption("--event-id <ID>")] public string? EventId { get; init; }
    [CommandOption("--reason <TEXT>")] public string? Reason { get; init; }
    [CommandOption("--summary <TEXT>")] public string? Summary { get; init; }
    [CommandOption("--source-title <TEXT>")] public string? SourceTitle { get; init; }
    [CommandOption("--source-url <URL>")] public string? SourceUrl { get; init; }
    [CommandOption("--source-published-on <DATE>")] public string? SourcePublishedOn { get; init; }

    public override ValidationResult Validate() => On is null
        ? ValidationResult.Error("--on is required")
        : Dates.All(base.Validate(), Dates.Check("--on", On), Dates.Check("--effective-on", EffectiveOn),
            Dates.Check("--expires-on", ExpiresOn), Dates.Check("--source-published-on", SourcePublishedOn),
            EventId is null || Guid.TryParse(EventId, out _) ? ValidationResult.Success() : ValidationResult.Error($"--event-id must be an event id (a UUID), not '{EventId}'"));

    public RecordEventRequest ToRequest() => new()
    {
        Type = Type, On = Dates.Of(On), Certainty = Certainty, Party = Party, Parties = List(Parties), Toward = List(Toward), Accuser = Accuser, Accused = Accused,
        EffectiveOn = Dates.Of(EffectiveOn), ExpiresOn = Dates.Of(ExpiresOn), By = By, EventId = EventId is null ? null : Guid.Parse(EventId),
        Reason = Reason, Summary = Summary, Successor = Successor, Predecessor = Predecessor, Kind = Kind,
        Source = SourceTitle is null && SourceUrl is null && SourcePublishedOn is null
            ? null
            : new CitationRequest { Title = SourceTitle, Url = SourceUrl, PublishedOn = Dates.Of(SourcePublishedOn) }
    };

    private static List<string>? List(string? names) => names?.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
}

[Description("Record one event of the catalogue for a treaty")]
public sealed class RecordCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<RecordSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RecordSettings settings, CancellationToken cancellation)
    {
        using var client = clients.For(settings);
        var recorded = await client.Api.RecordEventAsync(settings.Treaty, settings.ToRequest(), cancellationToken: cancellation);
        // The next command, whichever instance answers it, finds the event.
        await client.ReadModelsIncludeMyWritesAsync(cancellation);
        console.MarkupLine($"Recorded [bold]{Markup.Escape(settings.Type)}[/] for {Markup.Escape(settings.Treaty)} as event {Output.Text(recorded.EventId)} (version {Output.Text(recorded.Version)}).");
        return 0;
    }
}
