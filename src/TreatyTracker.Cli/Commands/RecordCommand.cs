using System.ComponentModel;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;

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
            Dates.Check("--expires-on", ExpiresOn), Dates.Check("--source-published-on", SourcePublishedOn));

    public JsonObject ToJson()
    {
        var body = new JsonObject { ["type"] = Type, ["on"] = On };
        void Put(string name, string? value) { if (value is not null) body[name] = value; }
        void PutList(string name, string? value)
        {
            if (value is not null)
                body[name] = new JsonArray(value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode?)v).ToArray());
        }
        Put("party", Party); PutList("parties", Parties); PutList("toward", Toward); Put("accuser", Accuser); Put("accused", Accused);
        Put("effectiveOn", EffectiveOn); Put("expiresOn", ExpiresOn); Put("by", By); Put("eventId", EventId); Put("reason", Reason); Put("summary", Summary);
        Put("certainty", Certainty); Put("successor", Successor); Put("predecessor", Predecessor); Put("kind", Kind);
        if (SourceTitle is not null || SourceUrl is not null || SourcePublishedOn is not null)
        {
            var source = new JsonObject();
            if (SourceTitle is not null) source["title"] = SourceTitle;
            if (SourceUrl is not null) source["url"] = SourceUrl;
            if (SourcePublishedOn is not null) source["publishedOn"] = SourcePublishedOn;
            body["source"] = source;
        }
        return body;
    }
}

[Description("Record one event of the catalogue for a treaty")]
public sealed class RecordCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<RecordSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RecordSettings settings, CancellationToken cancellation)
    {
        using var client = clients.For(settings);
        var recorded = await client.PostJsonAsync($"/api/treaties/{Uri.EscapeDataString(settings.Treaty)}/events", settings.ToJson(), cancellation);
        console.MarkupLine($"Recorded [bold]{Markup.Escape(settings.Type)}[/] for {Markup.Escape(settings.Treaty)} as event {Output.Text(recorded["eventId"])} (version {Output.Text(recorded["version"])}).");
        return 0;
    }
}
