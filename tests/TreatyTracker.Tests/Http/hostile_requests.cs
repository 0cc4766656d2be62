using System.Net;
using System.Text;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Http;

/// <summary>
/// A corpus of malformed and hostile requests. Each must get a 4xx problem document, the server must go on
/// serving, and not one event may be stored.
/// </summary>
public class hostile_requests(AppFixture fixture) : IntegrationContext(fixture)
{
    public sealed record Attack(string Name, HttpMethod Method, string Url, byte[]? Body = null, string ContentType = "application/json")
    {
        public override string ToString() => Name;
    }

    private const string Events = "/api/treaties/inf/events";
    private const string ValidEvent = """{"type":"participation-suspended","on":"2019-03-04","party":"Russia","summary":"a summary","source":{"title":"t","url":"https://example.org/"}}""";

    private static Attack Post(string name, string url, string body, string contentType = "application/json") =>
        new(name, HttpMethod.Post, url, Encoding.UTF8.GetBytes(body), contentType);

    private static Attack Get(string name, string url) => new(name, HttpMethod.Get, url);

    public static IEnumerable<Attack> Corpus()
    {
        for (var cut = 1; cut < ValidEvent.Length; cut += ValidEvent.Length / 12)
            yield return Post($"truncated at {cut}", Events, ValidEvent[..cut]);

        yield return Post("nested 1000 deep", Events, new string('[', 1000) + new string(']', 1000));
        yield return Post("nested object 200 deep in source", Events,
            """{"type":"statement","on":"2019-01-01","source":""" + string.Concat(Enumerable.Repeat("""{"a":""", 200)) + "1" + new string('}', 201));
        yield return Post("10 MB summary", Events, $$"""{"type":"statement","on":"2019-01-01","summary":"{{new string('x', 10 * 1024 * 1024)}}"}""");
        yield return Post("10 MB party", Events, $$"""{"type":"ratified","on":"2019-01-01","party":"{{new string('p', 10 * 1024 * 1024)}}"}""");
        yield return Post("100k parties", Events, $$"""{"type":"signed","on":"2019-01-01","parties":[{{string.Join(",", Enumerable.Range(0, 100_000).Select(i => $"\"p{i}\""))}}]}""");

        foreach (var (field, value) in new[]
                 {
                     ("on", "123"), ("on", "true"), ("on", "null"), ("on", "[]"), ("parties", "\"Russia\""), ("parties", "[1,2]"), ("party", "5"),
                     ("party", "{}"), ("toward", "{}"), ("effectiveOn", "true"), ("summary", "[]"), ("summary", "{}"), ("source", "\"a string\""),
                     ("source", "[]"), ("eventId", "\"not-a-guid\""), ("eventId", "42"), ("version", "\"seven\""), ("version", "1e400"),
                     ("version", "-1"), ("type", "42"), ("type", "null"), ("type", "[\"statement\"]")
                 })
            yield return Post($"{field} = {value}", Events, $$"""{"type":"statement","on":"2019-01-01","{{field}}":{{value}}}""".Replace("\"type\":\"statement\",\"type\"", "\"type\""));

        foreach (var control in new[] { "\\u0000", "\\u0007", "\\u001b[31m", "\\u0008", "\\u007f" })
        {
            yield return Post($"control {control} in summary", Events, $$"""{"type":"statement","on":"2019-01-01","summary":"a{{control}}b"}""");
            yield return Post($"control {control} in party", Events, $$"""{"type":"ratified","on":"2019-01-01","party":"Rus{{control}}sia"}""");
        }
        yield return new("invalid UTF-8 in summary", HttpMethod.Post, Events,
            [.. Encoding.UTF8.GetBytes("""{"type":"statement","on":"2019-01-01","summary":"a"""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")]);
        yield return new("invalid UTF-8 bytes only", HttpMethod.Post, Events, [0xFF, 0xFE, 0xFD, 0x00, 0x80]);
        yield return new("lone surrogate escape", HttpMethod.Post, Events, Encoding.UTF8.GetBytes("""{"type":"statement","on":"2019-01-01","summary":"\uD800"}"""));

        foreach (var party in new[] { "'; drop table treaties.mt_events; --", "Russia' OR '1'='1", "<script>alert(1)</script>", "${jndi:ldap://x}",
                     "../../etc/passwd", "%00Russia", "Russia\\\"", "{{7*7}}" })
            yield return Post($"party {party}", Events, $$"""{"type":"ratified","on":"2019-01-01","party":{{System.Text.Json.JsonSerializer.Serialize(party)}}}""");

        foreach (var date in new[] { "0000-01-01", "9999-12-31", "-0001-01-01", "2019-02-29", "20190101", "2019-1-1", "2019-01-01T00:00:00Z", "1799-12-31", "2200-01-01", "", " " })
            yield return Post($"on = '{date}'", Events, $$"""{"type":"statement","on":"{{date}}"}""");

        foreach (var (name, body) in new[]
                 {
                     ("unknown field", """{"type":"statement","on":"2019-01-01","colour":"red"}"""),
                     ("unknown field, nested", """{"type":"statement","on":"2019-01-01","source":{"title":"t","colour":"red"}}"""),
                     ("field of another type", """{"type":"statement","on":"2019-01-01","accuser":"Russia"}"""),
                     ("unknown type", """{"type":"treaty-annexed","on":"2019-01-01"}"""),
                     ("type in another case", """{"type":"STATEMENT","on":"2019-01-01"}"""),
                     ("type with spaces", """{"type":" statement ","on":"2019-01-01"}"""),
                     ("property names in another case", """{"Type":"statement","On":"2019-01-01"}"""),
                     ("duplicate property", """{"type":"statement","on":"2019-01-01","on":"2020-01-01","colour":1}"""),
                     ("empty body", ""), ("null", "null"), ("array", "[]"), ("number", "42"), ("string", "\"statement\""),
                     ("javascript url", """{"type":"statement","on":"2019-01-01","source":{"title":"t","url":"javascript:alert(1)"}}"""),
                     ("data url", """{"type":"statement","on":"2019-01-01","source":{"title":"t","url":"data:text/html,<script>1</script>"}}"""),
                     ("file url", """{"type":"statement","on":"2019-01-01","source":{"title":"t","url":"file:///etc/passwd"}}"""),
                     ("retract a random id", """{"type":"event-retracted","on":"2019-01-01","eventId":"00000000-0000-0000-0000-000000000000","reason":"x"}"""),
                     ("notice taking effect before it is given", """{"type":"withdrawal-notice-given","on":"2019-01-01","party":"Russia","effectiveOn":"2018-01-01"}"""),
                 })
            yield return Post(name, Events, body);

        yield return Post("xml content type", Events, "<event type='statement'/>", "application/xml");
        yield return Post("form content type", Events, "type=statement&on=2019-01-01", "application/x-www-form-urlencoded");

        // (A NUL in the path never reaches the app: Kestrel refuses it, and the in-memory test server cannot send it.)
        foreach (var id in new[] { "..%2F..%2Fetc%2Fpasswd", "%01", "inf%27%20OR%201=1", "inf%2Fevents", "%2E%2E", new string('a', 5000), "inf;drop", "%E2%80%AE" })
        {
            yield return Get($"GET treaty id {id[..Math.Min(id.Length, 30)]}", $"/api/treaties/{id}");
            yield return Post($"POST to treaty id {id[..Math.Min(id.Length, 30)]}", $"/api/treaties/{id}/events", """{"type":"statement","on":"2019-01-01"}""");
        }
        foreach (var id in new[] { "../x", "a/b", "INF", "x y", "-x", "x-", new string('a', 65), "", "ü", "<script>" })
            yield return Post($"register id '{id[..Math.Min(id.Length, 20)]}'", "/api/treaties",
                $$"""{"id":{{System.Text.Json.JsonSerializer.Serialize(id)}},"name":"n","shortName":"s","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""");
        yield return Post("register with a 10 MB name", "/api/treaties", $$"""{"id":"big","name":"{{new string('n', 10 * 1024 * 1024)}}","shortName":"s","kind":"bilateral","withdrawalNoticePeriod":"P6M"}""");
        yield return Post("register with period P99999Y", "/api/treaties", """{"id":"long","name":"n","shortName":"s","kind":"bilateral","withdrawalNoticePeriod":"P99999Y"}""");

        yield return Post("import: 200,001 CSV rows", "/api/import", "treaty,type,on\n" + string.Concat(Enumerable.Repeat("inf,statement,2019-01-01\n", 200_001)), "text/csv");
        yield return Post("import: unbalanced quote", "/api/import", "treaty,type,on,summary\ninf,statement,2019-01-01,\"never closed\n", "text/csv");
        yield return Post("import: binary garbage as CSV", "/api/import", "\u0001\u0002\u0003,\u0004\n\u0005", "text/csv");
        yield return Post("import: nested JSON rows", "/api/import", "[" + new string('[', 100) + new string(']', 100) + "]");
        yield return Post("import: object, not array", "/api/import", """{"treaty":"inf","type":"statement","on":"2019-01-01"}""");
        yield return Post("import: no content type", "/api/import", "treaty,type,on\ninf,statement,2019-01-01", "application/octet-stream");

        foreach (var query in new[] { "asOf=2019-13-01", "asOf=0001-01-01", "asOf=9999-12-31", "asOf=%00", "recordedAt=not-an-instant", "asOf=2019-01-01&asOf=2020-01-01" })
            yield return Get($"status ?{query}", $"/api/treaties/inf/status?{query}");
        foreach (var query in new[] { "pageSize=0", "pageSize=100000", "page=-1", "page=abc", "pageSize=1e3" })
            yield return Get($"all statuses ?{query}", $"/api/status?{query}");
        foreach (var query in new[] { "from=2020-01-01&to=2019-01-01", "from=abc&to=2019-01-01", "to=2019-01-01" })
            yield return Get($"diff ?{query}", $"/api/treaties/inf/diff?{query}");

        yield return new("DELETE a treaty", HttpMethod.Delete, "/api/treaties/inf");
        yield return new("PUT an event", HttpMethod.Put, Events, Encoding.UTF8.GetBytes(ValidEvent));
    }

    [Fact]
    public async Task each_gets_a_4xx_problem_the_server_keeps_serving_and_nothing_is_stored()
    {
        await Api.BilateralTreatyInForce("inf");
        var stored = await StoredEventCountAsync();
        var corpus = Corpus().ToList();
        Assert.True(corpus.Count >= 100, $"the corpus has only {corpus.Count} requests");

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", EditorKey);
        client.Timeout = TimeSpan.FromSeconds(60);
        var failures = new List<string>();
        foreach (var attack in corpus)
        {
            using var request = new HttpRequestMessage(attack.Method, attack.Url);
            if (attack.Body is not null)
            {
                request.Content = new ByteArrayContent(attack.Body);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(attack.ContentType);
            }
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (status is < 400 or >= 500 || (status != 405 && type != "application/problem+json"))
                failures.Add($"{attack.Name}: {status} {type}");
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {corpus.Count} requests were not answered with a 4xx problem:\n{string.Join("\n", failures)}");
        Assert.Equal(stored, await StoredEventCountAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Api.RecordAsync("inf", ValidEvent)).Status);
    }
}
