using System.Net;
using System.Text.Json.Nodes;
using Marten;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Http;

/// <summary>
/// Hostile requests derived from the served OpenAPI document: every query parameter it types (a date, an instant, a
/// count) given values outside its type and bounds, and every request body example given a field of the wrong JSON
/// type or one it does not have. Each must be refused with a 400 naming the field, and nothing may be recorded (nor a webhook registered: its bodies are sent with an admin key).
/// </summary>
public class requests_derived_from_the_contract(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly Dictionary<string, string[]> Hostile = new()
    {
        ["date"] = ["2019-02-30", "2019-13-01", "20190101", "2019-1-1", "1799-12-31", "2200-01-01", "2019-01-01T00:00:00Z", "yesterday", "' or 1=1 --", "%00"],
        ["date-time"] = ["2019-01-01", "2019-13-01T00:00:00Z", "yesterday", "1e400", "2019-01-01T25:00:00Z", "<script>"],
        ["integer"] = ["0", "-1", "1.5", "abc", "99999999999999999999", "1e3"]
    };

    /// <summary>A value each typed parameter accepts, so that only the one parameter made hostile is at fault.</summary>
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["asOf"] = "2019-05-01", ["from"] = "2019-01-01", ["to"] = "2020-01-01", ["recordedAt"] = "2030-01-01T00:00:00Z",
        ["since"] = "2020-01-01T00:00:00Z", ["until"] = "2030-01-01T00:00:00Z", ["comparedWith"] = "2031-01-01T00:00:00Z",
        ["page"] = "1", ["pageSize"] = "10", ["id"] = "inf", ["name"] = "Russia"
    };

    private async Task<JsonObject> ContractAsync() => (JsonObject)(await AnonymousApi.GetAsync("/openapi/v1.json")).Body!;

    [Fact]
    public async Task every_typed_query_parameter_refuses_values_outside_its_type_and_nothing_is_recorded()
    {
        await Api.BilateralTreatyInForce("inf");
        var before = await StoredEventCountAsync();
        var tried = 0;

        foreach (var (path, operations) in (await ContractAsync())["paths"]!.AsObject())
        {
            if (operations!["get"] is not { } get || get["parameters"] is not JsonArray parameters) continue;
            var query = parameters.Where(p => p!["in"]!.GetValue<string>() == "query").ToList();
            var typed = query.Where(p => p!["schema"]?["format"] is not null || p!["schema"]?["type"]?.GetValue<string>() == "integer").ToList();
            if (typed.Count == 0) continue;
            var url = path.Replace("{id}", Valid["id"]).Replace("{name}", Valid["name"]);
            string With(string? name, string? value) => url + "?" + string.Join("&", query.Select(p => p!["name"]!.GetValue<string>())
                .Where(Valid.ContainsKey).Select(n => $"{n}={Uri.EscapeDataString(n == name ? value! : Valid[n])}"));

            var baseline = await Api.GetAsync(With(null, null));
            Assert.True(baseline.Status == HttpStatusCode.OK, $"{With(null, null)} answered {(int)baseline.Status}: the baseline must be valid");
            foreach (var parameter in typed)
            {
                var name = parameter!["name"]!.GetValue<string>();
                var kind = parameter["schema"]!["format"]?.GetValue<string>() ?? "integer";
                foreach (var value in Hostile[kind])
                {
                    var response = await Api.GetAsync(With(name, value));
                    Assert.True(response.Status == HttpStatusCode.BadRequest && response.Body?["errors"]?[name] is not null,
                        $"{With(name, value)} answered {(int)response.Status} {response.Body?.ToJsonString()}");
                    tried++;
                }
            }
        }

        Assert.True(tried > 100, $"only {tried} hostile values were derived from the document");
        Assert.Equal(before, await StoredEventCountAsync());
    }

    [Fact]
    public async Task every_body_example_with_a_field_of_the_wrong_type_or_one_it_lacks_is_refused_and_nothing_is_recorded()
    {
        await Api.BilateralTreatyInForce("inf");
        var before = await StoredEventCountAsync();
        var tried = 0;
        var admin = new TreatyApi(Host.Server.CreateClient(), await ApiKeys.IssueAsync(Store, TreatyTracker.Features.Keys.Role.Admin));

        foreach (var (path, operations) in (await ContractAsync())["paths"]!.AsObject())
        {
            var api = path == "/api/webhooks" ? admin : Api;
            if (operations!["post"]?["requestBody"]?["content"]?["application/json"]?["examples"] is not JsonObject examples) continue;
            if (path.Contains("{eventId}") || path == "/api/keys") continue; // these need an event or the admin role: their own tests cover them
            var url = path.Replace("{id}", "inf");
            foreach (var (exampleName, example) in examples)
            {
                if (example!["value"] is not JsonObject body) continue; // the import's array: its rows are the events' own fields
                var mutations = body.Select(f => (Field: f.Key, Value: WrongType(f.Value))).Append(("unknownField", JsonValue.Create(1)));
                foreach (var (field, value) in mutations)
                {
                    var mutated = body.DeepClone().AsObject();
                    mutated[field] = value;
                    var response = await api.PostAsync(url, mutated.ToJsonString());
                    Assert.True(response.Status == HttpStatusCode.BadRequest,
                        $"POST {url} with example '{exampleName}' and {field} = {value?.ToJsonString()} answered {(int)response.Status} {response.Body?.ToJsonString()}");
                    tried++;
                }
            }
        }

        Assert.True(tried > 50, $"only {tried} hostile bodies were derived from the document");
        Assert.Equal(before, await StoredEventCountAsync());
        await using var session = Store.QuerySession();
        Assert.Equal(0, await session.Query<TreatyTracker.Features.Webhooks.WebhookSubscription>().CountAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A value of another JSON type than the field's: a number for a string, a string for a list or an object.</summary>
    private static JsonNode WrongType(JsonNode? value) => value switch
    {
        JsonArray or JsonObject => JsonValue.Create("not a list or an object"),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => new JsonArray(JsonValue.Create(5)),
        _ => new JsonObject { ["not"] = "a number or a boolean" }
    };
}
