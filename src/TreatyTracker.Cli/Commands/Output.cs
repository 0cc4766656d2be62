using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using TreatyTracker.Cli.Api;

namespace TreatyTracker.Cli.Commands;

/// <summary>How read commands print: a table for people, the server's JSON for scripts. Server text is always escaped.</summary>
public static class Output
{
    public static readonly JsonSerializerOptions Indented = new(TreatyTrackerApi.Json) { WriteIndented = true };

    public static void Json(IAnsiConsole console, JsonNode node) =>
        console.Profile.Out.Writer.WriteLine(node.ToJsonString(Indented));

    public static string Text(object? value) => Markup.Escape(value switch
    {
        null => "",
        Enum word => Word(word),
        DateOnly day => Day(day),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""
    });

    /// <summary>An enum value as the API writes it: in-force, withdrawal-takes-effect.</summary>
    public static string Word(Enum value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A date as sure as the record is of it: "2002 (year only)", "2005-06-01 (unconfirmed)".</summary>
    public static string Date(DateOnly? date, DateCertainty? certainty)
    {
        if (date is not { } day) return "";
        return certainty switch
        {
            DateCertainty.Year => Markup.Escape(day.ToString("yyyy", CultureInfo.InvariantCulture)) + " [grey](year only)[/]",
            DateCertainty.Month => Markup.Escape(day.ToString("yyyy-MM", CultureInfo.InvariantCulture)) + " [grey](month only)[/]",
            DateCertainty.Unconfirmed => Markup.Escape(Day(day)) + " [grey](unconfirmed)[/]",
            _ => Markup.Escape(Day(day))
        };
    }

    public static string Status(Enum status) => Status(Word(status));

    public static string Status(string? status)
    {
        var text = status ?? "";
        var colour = text switch
        {
            "in-force" or "party" => "green",
            "terminated" or "withdrawing" => "red",
            "expired" or "withdrawn" => "grey",
            "suspended" or "signed" or "signatory" or "ratified" => "yellow",
            "provisionally-applied" or "provisionally-applying" => "blue",
            "superseded" or "succeeded" or "abandoned" or "renounced" => "grey",
            _ => "default"
        };
        return $"[{colour}]{Markup.Escape(text)}[/]";
    }

    /// <summary>A status with the parties a suspension is toward, when it is toward some only: "suspended toward Belarus".</summary>
    public static string Status(string? status, ICollection<string>? toward) =>
        Status(status) + (toward is { Count: > 0 } ? $" toward {Markup.Escape(string.Join(", ", toward))}" : "");

    /// <summary>
    /// Where a party stood before, when its status does not tell how that ended: "(was ratified since 2000-06-30; ratification
    /// revoked)", "(was suspended toward Russia since 2012-03-01; lapsed when they had all left)", "(was party since 2011-02-05)".
    /// </summary>
    public static string Before(PartyStanding? before) => before is null ? "" :
        $" [grey](was {Text(before.Status)}{(before.Toward is { Count: > 0 } toward ? " toward " + Markup.Escape(string.Join(", ", toward)) : "")} since {Date(before.Since, before.SinceCertainty)}{before.EndedBy switch
        {
            StandingEnd.RatificationRevoked => "; ratification revoked",
            StandingEnd.SuspensionLapsed => "; lapsed when they had all left the treaty",
            _ => ""
        }})[/]";

    /// <summary>Where a source is: its address, else its title.</summary>
    public static string Source(Citation? source) => Text(source?.Url ?? source?.Title);

    public static FittedTable Table(string title, params Column[] columns) => new(title, columns);
}
