using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TreatyTracker.Features.Importing;
using TreatyTracker.Features.Recording;
using TreatyTracker.Http;
using TreatyTracker.Tests.Infrastructure;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Xunit;

namespace TreatyTracker.Tests.Http;

/// <summary>
/// <c>/openapi/v1.json</c> is the contract: linted with redocly's recommended rules, and equal to the committed copy
/// <c>openapi.v1.json</c> beside this file, so that any change to it is a reviewed change. To accept a change, run these
/// tests with <c>TREATYTRACKER_WRITE_OPENAPI=1</c>: the copy is rewritten from the served document.
/// </summary>
public class the_openapi_document(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string CommittedCopy = Path.Combine(RepositoryRoot.Path, "tests", "TreatyTracker.Tests", "Http", "openapi.v1.json");

    private async Task<string> ServedAsync()
    {
        var response = await AnonymousApi.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Body!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    [Fact]
    public async Task is_the_committed_copy()
    {
        var served = await ServedAsync();
        if (Environment.GetEnvironmentVariable("TREATYTRACKER_WRITE_OPENAPI") == "1") await File.WriteAllTextAsync(CommittedCopy, served, TestContext.Current.CancellationToken);

        Assert.True(File.Exists(CommittedCopy), $"No committed copy at {CommittedCopy}: run with TREATYTRACKER_WRITE_OPENAPI=1.");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(await File.ReadAllTextAsync(CommittedCopy, TestContext.Current.CancellationToken)), JsonNode.Parse(served)),
            "The served OpenAPI document differs from tests/TreatyTracker.Tests/Http/openapi.v1.json. If the change is meant, " +
            "rewrite the copy with TREATYTRACKER_WRITE_OPENAPI=1 and review its diff.");
    }

    [Fact]
    public async Task has_no_error_under_redoclys_recommended_rules()
    {
        var file = Path.Combine(Path.GetTempPath(), $"treatytracker-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await ServedAsync(), TestContext.Current.CancellationToken);
        try
        {
            var lint = await OpenApiTools.RunAsync("redocly", "lint", file, "--config", Path.Combine(OpenApiTools.Folder, "redocly.yaml"), "--format", "stylish");
            Assert.True(lint.ExitCode == 0, lint.Output);
            Assert.Contains("Woohoo! Your API description is valid", lint.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task shows_an_example_of_every_event_type_each_a_request_the_api_takes()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var examples = document["paths"]!["/api/treaties/{id}/events"]!["post"]!["requestBody"]!["content"]!["application/json"]!["examples"]!.AsObject();

        Assert.Equal(EventRequestMapping.Types.Order(), examples.Select(e => e.Key).Order());
        var treaty = Treaty.Register(new TreatyRegistered
            { TreatyId = "inf", Name = "INF Treaty", ShortName = "INF", Kind = TreatyKind.Bilateral, WithdrawalNoticePeriod = new IsoPeriod(0, 6, 0) },
            DateTimeOffset.UnixEpoch);
        foreach (var (type, example) in examples)
        {
            var request = example!["value"].Deserialize<RecordEventRequest>(ApiJson.Options)!;
            var (fact, errors) = EventRequestMapping.ToEvent(request, treaty);
            Assert.True(fact is not null && errors.Count == 0, $"{type}: {string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
        }
    }

    [Theory]
    [InlineData("application/json", ImportExamplesAttribute.Json)]
    [InlineData("text/csv", ImportExamplesAttribute.Csv)]
    public async Task the_import_examples_import(string contentType, string body)
    {
        var imported = await Api.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/import") { Content = new StringContent(body, Encoding.UTF8, contentType) });

        Assert.True(imported.Status == HttpStatusCode.OK, imported.Body?.ToJsonString());
        Assert.Equal(2, imported.Body!["eventsRecorded"]!.GetValue<int>());
    }
}
