using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TreatyTracker.Cli.Api;
using TreatyTracker.Exchange;

namespace TreatyTracker.Cli.Commands;

/// <summary>
/// The exchange format of `treaty export` and `treaty import` — the rows of the server's POST /api/import:
/// a <c>treaty-registered</c> row per treaty, then its events in recording order, each with its event id
/// (so that retractions still point at what they retract). As a JSON array, or CSV with the columns of
/// <see cref="ExchangeColumns"/>.
/// </summary>
public static class ExchangeFormat
{
        /// <summary>A treaty's registration row, from its answer to GET /api/treaties/{id}: its id and its terms.</summary>
    public static JsonObject Registration(TreatyStatusResponse treaty)
    {
        var terms = JsonSerializer.SerializeToNode(treaty, TreatyTrackerApi.Json)!;
        var row = new JsonObject { ["treaty"] = treaty.Id, ["type"] = ExchangeColumns.Registration };
        foreach (var field in ExchangeColumns.TermsFields.Append("source"))
            if (terms[field] is { } value) row[field] = value.DeepClone();
        return row;
    }

    /// <summary>An event's row: its id, its treaty, and every field of the event.</summary>
    public static JsonObject Event(string treatyId, HistoryEntry recorded)
    {
        var row = new JsonObject { ["id"] = recorded.Id.ToString(), ["treaty"] = treatyId };
        // The generated converter writes the discriminator ("type") before the event's own fields, which name it too.
        using var fields = JsonSerializer.SerializeToDocument(recorded.Event, TreatyTrackerApi.Json);
        foreach (var field in fields.RootElement.EnumerateObject()) row[field.Name] = JsonNode.Parse(field.Value.GetRawText());
        return row;
    }

    public static string ToCsv(IEnumerable<JsonObject> rows)
    {
        var csv = new StringBuilder();
        Csv.Write(csv, ExchangeColumns.All);
        foreach (var row in rows) Csv.Write(csv, ExchangeColumns.All.Select(column => Cell(row, column)));
        return csv.ToString();
    }

    private static string Cell(JsonObject row, string column) =>
        ExchangeColumns.SourceColumns.TryGetValue(column, out var field) ? row["source"]?[field]?.GetValue<string>() ?? ""
        : ExchangeColumns.ListFields.Contains(column) ? row[column] is JsonArray list ? string.Join(ExchangeColumns.ListSeparator, list.Select(v => v!.GetValue<string>())) : ""
        : ExchangeColumns.JsonFields.Contains(column) ? row[column]?.ToJsonString() ?? ""
        : row[column]?.ToString() ?? "";
}
