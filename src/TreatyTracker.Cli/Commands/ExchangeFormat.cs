using System.Text;
using System.Text.Json.Nodes;

namespace TreatyTracker.Cli.Commands;

/// <summary>
/// The exchange format of `treaty export` and `treaty import` — the rows of the server's POST /api/import:
/// a <c>treaty-registered</c> row per treaty, then its events in recording order, each with its event id
/// (so that retractions still point at what they retract). As a JSON array, or CSV with these columns.
/// </summary>
public static class ExchangeFormat
{
    public static readonly string[] Columns =
    [
        "id", "treaty", "type", "on", "summary", "sourceTitle", "sourceUrl", "sourcePublishedOn", "parties", "party", "toward",
        "accuser", "accused", "effectiveOn", "expiresOn", "by", "eventId", "reason", "name", "shortName", "kind", "withdrawalNoticePeriod", "term"
    ];

    public static JsonObject Registration(JsonNode treaty)
    {
        var row = new JsonObject
        {
            ["treaty"] = treaty["id"]!.GetValue<string>(), ["type"] = "treaty-registered",
            ["name"] = treaty["name"]!.GetValue<string>(), ["shortName"] = treaty["shortName"]!.GetValue<string>(),
            ["kind"] = treaty["kind"]!.GetValue<string>(), ["withdrawalNoticePeriod"] = treaty["withdrawalNoticePeriod"]!.GetValue<string>()
        };
        if (treaty["term"] is { } term) row["term"] = term.GetValue<string>();
        if (treaty["source"] is { } source) row["source"] = source.DeepClone();
        return row;
    }

    public static JsonObject Event(string treatyId, JsonNode recorded)
    {
        var row = new JsonObject { ["id"] = recorded["id"]!.GetValue<string>(), ["treaty"] = treatyId };
        foreach (var (name, value) in recorded["event"]!.AsObject()) row[name] = value?.DeepClone();
        return row;
    }

    public static string ToCsv(IEnumerable<JsonObject> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns).Append('\n');
        foreach (var row in rows)
            csv.AppendJoin(',', Columns.Select(column => Quote(Cell(row, column)))).Append('\n');
        return csv.ToString();
    }

    private static string Cell(JsonObject row, string column) => column switch
    {
        "sourceTitle" => row["source"]?["title"]?.GetValue<string>() ?? "",
        "sourceUrl" => row["source"]?["url"]?.GetValue<string>() ?? "",
        "sourcePublishedOn" => row["source"]?["publishedOn"]?.GetValue<string>() ?? "",
        "parties" or "toward" => row[column] is JsonArray list ? string.Join(';', list.Select(v => v!.GetValue<string>())) : "",
        _ => row[column]?.ToString() ?? ""
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith(' ') || value.EndsWith(' ')
            ? $"\"{value.Replace("\"", "\"\"")}\""
            : value;
}
