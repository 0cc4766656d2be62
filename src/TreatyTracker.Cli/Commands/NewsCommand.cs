using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace TreatyTracker.Cli.Commands;

public sealed class NewsSettings : ReadSettings
{
    [CommandOption("--since <WHEN>")] [Description("A date (midnight UTC) or an ISO-8601 instant: the last briefing")] public string? Since { get; init; }
    [CommandOption("--until <WHEN>")] public string? Until { get; init; }
    [CommandOption("--treaty <TREATY>")] public string? Treaty { get; init; }
    [CommandOption("--state <STATE>")] public string? State { get; init; }
    [CommandOption("--page <N>")] public int? Page { get; init; }

    public override ValidationResult Validate() => Dates.All(base.Validate(),
        Since is null ? ValidationResult.Error("--since is required: the date or instant of the last briefing") : Instants.Check("--since", Since),
        Instants.Check("--until", Until));
}

/// <summary>A date or an instant as the server's record questions take it: a date stands for its midnight, UTC.</summary>
public static class Instants
{
    public static ValidationResult Check(string option, string? value) =>
        value is null || Of(value) is not null ? ValidationResult.Success() : ValidationResult.Error($"{option} must be a date YYYY-MM-DD or an ISO-8601 instant, not '{value}'");

    public static string? Of(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? $"{day:yyyy-MM-dd}T00:00:00Z"
        : value.Contains('T') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) ? value
        : null;

    /// <summary>An instant as the tables show it: UTC to the second, the day and the time two words.</summary>
    public static string Shown(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

[Description("What is new in the record since an instant, across treaties, newest first")]
public sealed class NewsCommand(ClientFactory clients, IAnsiConsole console) : AsyncCommand<NewsSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NewsSettings s, CancellationToken cancellation)
    {
        using var client = clients.For(s);
        var page = await client.GetAsync("/api/record" + Output.Query(("since", Instants.Of(s.Since)), ("until", Instants.Of(s.Until)),
            ("treaty", s.Treaty), ("state", s.State), ("page", s.Page?.ToString(CultureInfo.InvariantCulture))), cancellation);
        if (s.Json) { Output.Json(console, page); return 0; }

        var entries = page["entries"]!.AsArray();
        if (entries.Count == 0) { console.MarkupLine($"Nothing was recorded after {Markup.Escape(page["since"]!.ToString())}."); return 0; }
        var table = Output.Table($"Recorded after {page["since"]}", "Recorded at (UTC)", "Treaty", "Type",
            new Column("On", Drop: 1, FoldInto: "Type", FoldAs: "on {0}"), "Summary");
        foreach (var e in entries)
            table.AddRow(Instants.Shown(e!["recordedAt"]!.GetValue<DateTimeOffset>()), Output.Text(e["shortName"]), Output.Text(e["type"]), Output.Date(e["on"], e["event"]?["certainty"]),
                Output.Text(e["event"]?["summary"] ?? e["event"]?["reason"]));
        console.Write(table);
        return 0;
    }
}
