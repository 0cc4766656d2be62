using System.Text;
using System.Text.Json;
using TreatyTracker.Exchange;
using TreatyTracker.Http;
using TreatyTracker.Treaties.Decisions;

namespace TreatyTracker.Features.Importing;

/// <summary>Reads an import body — a JSON array or CSV with a header row — into rows that keep their line numbers.</summary>
public static class ImportReader
{
    public const int MaxRows = 200_000;

    public sealed record Result(IReadOnlyList<NumberedRow> Rows, IReadOnlyList<RowProblem> Problems, string? FileProblem);

    public static Result Read(byte[] body, string? contentType)
    {
        var media = (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return media switch
        {
            "application/json" => ReadJson(body),
            "text/csv" => ReadCsv(Encoding.UTF8.GetString(body)),
            _ => new Result([], [], $"Content-Type must be application/json (an array of rows) or text/csv (a header row, then rows); it was '{media}'.")
        };
    }

    private static Result ReadJson(byte[] body)
    {
        var rows = new List<NumberedRow>();
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return new Result([], [], "The JSON body must be an array of rows.");
            var lines = new LineCounter(body);
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.At(reader.TokenStartIndex);
                if (rows.Count >= MaxRows) return new Result([], [], $"An import takes at most {MaxRows} rows.");
                var row = JsonSerializer.Deserialize<ImportRow>(ref reader, ApiJson.Options);
                if (row is null) return new Result([], [], $"Line {line}: a row must be an object.");
                rows.Add(new NumberedRow(line, row));
            }
            return new Result(rows, [], null);
        }
        catch (JsonException e)
        {
            return new Result([], [], $"Line {(e.LineNumber ?? 0) + 1}: {e.Message}");
        }
    }

    /// <summary>Line numbers of increasing positions, counted once through the body.</summary>
    private sealed class LineCounter(byte[] body)
    {
        private long _position;
        private int _line = 1;

        public int At(long index)
        {
            for (; _position < index && _position < body.Length; _position++)
                if (body[_position] == (byte)'\n') _line++;
            return _line;
        }
    }

    private static Result ReadCsv(string text)
    {
        List<Csv.Record> records;
        try
        {
            records = Csv.Parse(text).ToList();
        }
        catch (FormatException e)
        {
            return new Result([], [], e.Message);
        }
        if (records.Count == 0) return new Result([], [], "The CSV has no header row.");
        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var unknown = header.Where(h => !ExchangeColumns.All.Contains(h)).ToList();
        if (unknown.Count > 0) return new Result([], [], $"Unknown CSV columns: {string.Join(", ", unknown)}; known: {string.Join(", ", ExchangeColumns.All)}.");
        var repeated = header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0) return new Result([], [], $"The CSV header names a column more than once: {string.Join(", ", repeated)}.");
        if (!header.Contains("treaty") || !header.Contains("type")) return new Result([], [], "The CSV header needs at least the columns treaty and type.");
        if (records.Count - 1 > MaxRows) return new Result([], [], $"An import takes at most {MaxRows} rows.");

        var rows = new List<NumberedRow>();
        var problems = new List<RowProblem>();
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (record.Fields.Count != header.Count)
            {
                problems.Add(new RowProblem(record.Line, null, new Dictionary<string, string[]> { ["row"] = [$"has {record.Fields.Count} fields, the header {header.Count}"] }));
                continue;
            }
            var cells = header.Zip(record.Fields).ToDictionary(c => c.First, c => string.IsNullOrWhiteSpace(c.Second) ? null : c.Second.Trim());
            var errors = new FieldErrors();
            var row = ToRow(cells, errors);
            if (errors.Any) problems.Add(new RowProblem(record.Line, cells.GetValueOrDefault("treaty"), errors.ToDictionary()));
            else rows.Add(new NumberedRow(record.Line, row));
        }
        return new Result(rows, problems, null);
    }

    private static ImportRow ToRow(IReadOnlyDictionary<string, string?> cells, FieldErrors errors)
    {
        string? Cell(string name) => cells.GetValueOrDefault(name);
        DateOnly? Date(string name) => Cell(name) is { } text ? QueryValues.Date(name, text, errors) : null;
        IReadOnlyList<string>? List(string name) =>
            Cell(name)?.Split(ExchangeColumns.ListSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

        Guid? Id(string name)
        {
            if (Cell(name) is not { } text) return null;
            if (Guid.TryParse(text, out var parsed)) return parsed;
            errors.Add(name, $"'{text}' is not an event id");
            return null;
        }

        IReadOnlyList<T?>? JsonArray<T>(string name, string shape) where T : class
        {
            if (Cell(name) is not { } text) return null;
            try
            {
                return JsonSerializer.Deserialize<List<T?>>(text, ApiJson.Options);
            }
            catch (JsonException)
            {
                errors.Add(name, $"must be a JSON array, each {shape}");
                return null;
            }
        }

        var sources = ExchangeColumns.SourceColumns.Keys;
        var terms = ExchangeColumns.TermsFields.Where(f => f != "kind" && Cell(f) is not null).ToDictionary(f => f, f => JsonSerializer.SerializeToElement(Cell(f)));
        return new ImportRow
        {
            Id = Id("id"), Treaty = Cell("treaty"), Type = Cell("type"), On = Date("on"), Summary = Cell("summary"),
            Source = sources.Any(c => Cell(c) is not null) ? new CitationRequest(Cell("sourceTitle"), Cell("sourceUrl"), Date("sourcePublishedOn")) : null,
            Parties = List("parties"), Party = Cell("party"), Toward = List("toward"), Accuser = Cell("accuser"), Accused = Cell("accused"),
            EffectiveOn = Date("effectiveOn"), ExpiresOn = Date("expiresOn"), By = Cell("by"), EventId = Id("eventId"), Reason = Cell("reason"),
            Certainty = Cell("certainty"), OtherSources = JsonArray<CitationRequest>("otherSources", "a source {\"title\", \"url\", \"publishedOn\"}"), Successor = Cell("successor"), Predecessor = Cell("predecessor"),
            Kind = Cell("kind"), FollowsFrom = Id("followsFrom"), Links = JsonArray<LinkRequest>("links", "a link {\"relation\", \"treaty\"}"), Follows = List("follows"),
            OtherFields = terms.Count > 0 ? terms : null
        };
    }
}
