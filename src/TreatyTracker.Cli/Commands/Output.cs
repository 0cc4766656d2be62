using System.Text.Json.Nodes;
using Spectre.Console;

namespace TreatyTracker.Cli.Commands;

/// <summary>How read commands print: a table for people, the server's JSON for scripts. Server text is always escaped.</summary>
public static class Output
{
    public static void Json(IAnsiConsole console, JsonNode node) =>
        console.Profile.Out.Writer.WriteLine(node.ToJsonString(TreatyClient.Json));

    public static string Text(JsonNode? node) => Markup.Escape(node?.ToString() ?? "");

    /// <summary>A date as sure as the record is of it: "2002 (year only)", "2005-06-01 (unconfirmed)".</summary>
    public static string Date(JsonNode? date, JsonNode? certainty)
    {
        var day = date?.ToString() ?? "";
        return certainty?.ToString() switch
        {
            "year" when day.Length >= 4 => Markup.Escape(day[..4]) + " [grey](year only)[/]",
            "month" when day.Length >= 7 => Markup.Escape(day[..7]) + " [grey](month only)[/]",
            "unconfirmed" => Markup.Escape(day) + " [grey](unconfirmed)[/]",
            _ => Markup.Escape(day)
        };
    }

    public static string Status(JsonNode? status)
    {
        var text = status?.GetValue<string>() ?? "";
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

    public static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }

    public static FittedTable Table(string title, params Column[] columns) => new(title, columns);
}
