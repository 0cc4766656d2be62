using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace TreatyTracker.MixedLoad;

/// <summary>
/// One user of the API, as a closed loop: each step is mostly a read (one treaty's status on a random date, a
/// page of every treaty's status, a treaty, its history, its events, its allegations) and about one step in
/// five a write (a statement or an allegation, each with a unique summary starting with <see cref="MarkerPrefix"/>):
/// plain, with the If-Match of the version just read (201, or 409 if another client wrote in between), or with
/// an If-Match long out of date (always 409). Deterministic for a seed, apart from the races between clients.
/// </summary>
public sealed class MixedClient(HttpClient http, IReadOnlyList<LoadTreaty> treaties, string name, int seed)
{
    public const string MarkerPrefix = "mixed load ";
    public const int StatusPageSize = 50;

    /// <summary>The shares of <see cref="NextAsync"/>'s steps, in percent, for reports.</summary>
    public const string Mix = "reads 80 (status on a date 25, status page 10, treaty 8, history 12, events 12, allegations 13), " +
                              "writes 20 (statement 8, allegation 6, read then write with its If-Match 4, stale If-Match 2)";

    /// <summary>Every treaty has been registered, signed and put into force since its version was 2.</summary>
    private const string StaleVersion = "\"2\"";

    private static readonly DateOnly FirstDay = new(1950, 1, 1);
    private static readonly DateOnly LastDay = new(2100, 1, 1);
    // Writes are dated after every signature in the seeds and the synthetic archive (the latest is 2010), since
    // nothing can be recorded before a treaty's signature.
    private static readonly DateOnly FirstWriteDay = new(2011, 1, 1);
    private static readonly DateOnly LastWriteDay = new(2024, 12, 31);

    private readonly Random _random = new(seed);
    private int _written;

    /// <summary>The next step: one request, or two for a read followed by a write with its If-Match.</summary>
    public async Task<IReadOnlyList<LoadAnswer>> NextAsync()
    {
        var treaty = treaties[_random.Next(treaties.Count)];
        var roll = _random.Next(100);
        return roll switch
        {
            < 25 => [await GetAsync(RequestKind.StatusOnDate, $"/api/treaties/{treaty.Id}/status?asOf={Day(FirstDay, LastDay)}")],
            < 35 => [await GetAsync(RequestKind.StatusPage, $"/api/status?asOf={Day(FirstDay, LastDay)}&page={1 + _random.Next(Pages)}&pageSize={StatusPageSize}")],
            < 43 => [await GetAsync(RequestKind.Treaty, $"/api/treaties/{treaty.Id}")],
            < 55 => [await GetAsync(RequestKind.History, $"/api/treaties/{treaty.Id}/history")],
            < 67 => [await GetAsync(RequestKind.Events, $"/api/treaties/{treaty.Id}/events")],
            < 80 => [await GetAsync(RequestKind.Allegations, $"/api/allegations?treaty={Uri.EscapeDataString(treaty.Id)}")],
            < 88 => [await WriteAsync(RequestKind.Statement, treaty, ifMatch: null)],
            < 94 => [await WriteAsync(RequestKind.Allegation, treaty, ifMatch: null)],
            < 98 => await ReadThenWriteAsync(treaty),
            _ => [await WriteAsync(RequestKind.WriteWithStaleIfMatch, treaty, StaleVersion)]
        };
    }

    private int Pages => (treaties.Count + StatusPageSize - 1) / StatusPageSize;

    private async Task<IReadOnlyList<LoadAnswer>> ReadThenWriteAsync(LoadTreaty treaty)
    {
        var read = await GetAsync(RequestKind.Treaty, $"/api/treaties/{treaty.Id}", keepBody: true);
        if (read.Status != HttpStatusCode.OK) return [read with { Body = Shorten(read.Body) }];
        var version = JsonNode.Parse(read.Body!)!["version"]!.GetValue<long>();
        return [read with { Body = null }, await WriteAsync(RequestKind.WriteWithIfMatch, treaty, $"\"{version}\"")];
    }

    private Task<LoadAnswer> GetAsync(RequestKind kind, string url, bool keepBody = false) =>
        SendAsync(kind, new HttpRequestMessage(HttpMethod.Get, url), keepBody);

    private async Task<LoadAnswer> WriteAsync(RequestKind kind, LoadTreaty treaty, string? ifMatch)
    {
        var marker = $"{MarkerPrefix}{name}-{_written++}";
        var on = Day(FirstWriteDay, LastWriteDay);
        var body = new JsonObject { ["on"] = on, ["summary"] = marker };
        if (kind == RequestKind.Allegation)
        {
            var (accuser, accused) = _random.Next(2) == 0 ? (treaty.Accuser, treaty.Accused) : (treaty.Accused, treaty.Accuser);
            body["type"] = "violation-alleged";
            body["accuser"] = accuser;
            body["accused"] = accused;
        }
        else body["type"] = "statement";

        var url = $"/api/treaties/{treaty.Id}/events";
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await SendAsync(kind, request, keepBody: false) with { Marker = marker, TreatyId = treaty.Id };
    }

    /// <summary>Sends and reads the whole answer; the body is kept when asked for, and for anything but a success.</summary>
    private async Task<LoadAnswer> SendAsync(RequestKind kind, HttpRequestMessage request, bool keepBody)
    {
        var url = request.RequestUri!.ToString();
        var started = Stopwatch.GetTimestamp();
        try
        {
            using (request)
            using (var response = await http.SendAsync(request))
            {
                var text = await response.Content.ReadAsStringAsync();
                var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var success = response.IsSuccessStatusCode;
                return new LoadAnswer(kind, url, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                    keepBody ? text : success ? null : Shorten(text), milliseconds);
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new LoadAnswer(kind, url, null, null, $"{e.GetType().Name}: {e.Message}", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private string Day(DateOnly first, DateOnly last) =>
        first.AddDays(_random.Next(last.DayNumber - first.DayNumber)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Shorten(string? text) => text is { Length: > 600 } ? text[..600] + "…" : text;
}
