using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using TreatyTracker.Cli.Api;

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
        value is null || At(value) is not null ? ValidationResult.Success() : ValidationResult.Error($"{option} must be a date YYYY-MM-DD or an ISO-8601 instant, not '{value}'");

    public static DateTimeOffset? At(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? new DateTimeOffset(day, TimeOnly.MinValue, TimeSpan.Zero)
        : value.Contains('T') && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) ? instant.ToUniversalTime()
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
        var page = await client.Api.GetRecordAsync(Instants.At(s.Since), Instants.At(s.Until), s.Treaty, s.State, s.Page, cancellationToken: cancellation);
        if (s.Json) { Output.Json(console, client.LastAnswer); return 0; }

        var since = Instants.Shown(page.Since);
        if (page.Entries.Count == 0) { console.MarkupLine($"Nothing was recorded after {Markup.Escape(since)}."); return 0; }
        var table = Output.Table($"Recorded after {since}", "Recorded at (UTC)", "Treaty", "Type",
            new Column("On", Drop: 1, FoldInto: "Type", FoldAs: "on {0}"), "Summary");
        foreach (var e in page.Entries)
            table.AddRow(Instants.Shown(e.RecordedAt), Output.Text(e.ShortName), Output.Text(e.Type), Output.Date(e.On, e.Event.Certainty),
                Output.Text(e.Event.Summary ?? (e.Event as TreatyEventEventRetracted)?.Reason));
        console.Write(table);
        return 0;
    }

}
