using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace TreatyTracker.Tests.Infrastructure;

public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, HttpResponseHeaders Headers, string? ContentType)
{
    public string Text(string path) => Body.At(path)!.GetValue<string>();
}

/// <summary>The HTTP API as a client sees it: raw JSON in, status and JSON out; with an API key when given one.</summary>
/// <remarks>The key goes on each request, never on the client's shared default headers: one client may serve many
/// concurrent requests, and changing those headers while a request is being sent garbles it.</remarks>
public sealed class TreatyApi(HttpClient client, string? apiKey = null)
{
    public Task<ApiResponse> GetAsync(string url) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    public Task<ApiResponse> PostAsync(string url, string json) => SendAsync(new HttpRequestMessage(HttpMethod.Post, url)
    {
        Content = new StringContent(json, Encoding.UTF8, "application/json")
    });

    public async Task<ApiResponse> SendAsync(HttpRequestMessage request)
    {
        if (apiKey is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiResponse(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers,
            response.Content.Headers.ContentType?.MediaType);
    }

    public Task<ApiResponse> RegisterAsync(string id, string kind = "bilateral", string notice = "P6M", string? term = null) =>
        PostAsync("/api/treaties", $$"""
            {"id":"{{id}}","name":"Test treaty {{id}}","shortName":"{{id}}","kind":"{{kind}}","withdrawalNoticePeriod":"{{notice}}"{{(term is null ? "" : $",\"term\":\"{term}\"")}}}
            """);

    public Task<ApiResponse> RecordAsync(string treatyId, string json) => PostAsync($"/api/treaties/{treatyId}/events", json);
}

public static class JsonPath
{
    /// <summary>Walks "a.b[2].c" through a JSON tree.</summary>
    public static JsonNode? At(this JsonNode? node, string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part;
            var index = -1;
            var bracket = part.IndexOf('[');
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1]);
            }
            if (name.Length > 0) node = node?[name];
            if (index >= 0) node = node?[index];
        }
        return node;
    }
}
