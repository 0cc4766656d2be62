using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TreatyTracker.Benchmarks;

/// <summary>The synthetic archive through POST /api/import, a few treaties per request, as an editor.</summary>
public static class ArchiveImport
{
    /// <summary>Imports every treaty of the archive; returns events recorded per second.</summary>
    public static Task<double> RunAsync(HttpClient editor, SyntheticArchive archive, int treatiesPerRequest) =>
        ImportAsync(editor, archive.Treaties, archive.Rows, treatiesPerRequest);

    /// <summary>Imports one more statement into every treaty of the archive, already recorded; returns events recorded per second.</summary>
    public static Task<double> RunIntoRecordedAsync(HttpClient editor, SyntheticArchive archive, int treatiesPerRequest) =>
        ImportAsync(editor, archive.Treaties, treaty =>
        [
            new JsonObject { ["treaty"] = SyntheticArchive.TreatyId(treaty), ["type"] = "statement", ["on"] = "2000-01-01", ["summary"] = "imported later" }
        ], treatiesPerRequest);

    private static async Task<double> ImportAsync(HttpClient editor, int treaties, Func<int, IEnumerable<JsonObject>> rowsOf, int treatiesPerRequest)
    {
        var clock = Stopwatch.StartNew();
        long events = 0;
        for (var start = 0; start < treaties; start += treatiesPerRequest)
        {
            var rows = new JsonArray();
            for (var t = start; t < Math.Min(treaties, start + treatiesPerRequest); t++)
                foreach (var row in rowsOf(t)) rows.Add(row);
            using var body = new StringContent(rows.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await editor.PostAsync("/api/import", body);
            var answer = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"Import refused: {answer[..Math.Min(2000, answer.Length)]}");
            events += JsonNode.Parse(answer)!["eventsRecorded"]!.GetValue<int>();
            Console.Write($"\r  imported {events} events");
        }
        Console.WriteLine();
        return events / clock.Elapsed.TotalSeconds;
    }
}
