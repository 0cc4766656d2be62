using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TreatyTracker.Features.Keys;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Http.Access;

public class who_may_write(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Statement = """{"type":"statement","on":"2019-01-01","by":"Russia"}""";

    private TreatyApi WithKey(string key) => new(Host.Server.CreateClient(), key);

    private static void AssertProblem(ApiResponse response, HttpStatusCode status)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.Equal((int)status, response.Body.At("status")!.GetValue<int>());
    }

    [Fact]
    public async Task every_write_endpoint_refuses_a_request_without_a_key_with_a_401_problem_and_stores_nothing()
    {
        await Api.BilateralTreatyInForce("inf");
        var stored = await StoredEventCountAsync();
        var writes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is not "GET" and not "HEAD")
                .Select(m => (Method: m, Url: "/" + e.RoutePattern.RawText!.TrimStart('/')
                    .Replace("{eventId}", Guid.NewGuid().ToString()).Replace("{id}", "inf"))))
            .ToList();
        Assert.True(writes.Count >= 6, $"only {writes.Count} write endpoints found");

        foreach (var (method, url) in writes)
        {
            var response = await AnonymousApi.SendAsync(new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = new StringContent(Statement, Encoding.UTF8, "application/json")
            });
            AssertProblem(response, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        Assert.Equal(stored, await StoredEventCountAsync());
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-key")]
    [InlineData("Bearer tt_0123456789abcdef_guessed-secret")]
    [InlineData("Bearer tt_XYZ_short")]
    public async Task a_malformed_or_unknown_key_is_refused_with_a_401_problem(string authorization)
    {
        await Api.BilateralTreatyInForce("inf");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/treaties/inf/events") { Content = new StringContent(Statement, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        AssertProblem(await AnonymousApi.SendAsync(request), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task a_key_with_the_right_id_but_another_secret_is_refused()
    {
        await Api.BilateralTreatyInForce("inf");
        var forged = EditorKey[..^4] + (EditorKey.EndsWith("AAAA") ? "BBBB" : "AAAA");

        var response = await WithKey(forged).RecordAsync("inf", Statement);

        AssertProblem(response, HttpStatusCode.Unauthorized);
        Assert.Equal("The API key is not valid.", response.Text("detail"));
    }

    [Fact]
    public async Task a_reader_may_read_but_not_write_and_an_editor_may_not_manage_keys()
    {
        await Api.BilateralTreatyInForce("inf");
        var reader = WithKey(await ApiKeys.IssueAsync(Store, Role.Reader));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/treaties/inf")).Status);
        AssertProblem(await reader.RecordAsync("inf", Statement), HttpStatusCode.Forbidden);
        AssertProblem(await Api.PostAsync("/api/keys", """{"name":"mallory","role":"admin"}"""), HttpStatusCode.Forbidden);
        AssertProblem(await Api.GetAsync("/api/keys"), HttpStatusCode.Forbidden);
        Assert.Equal(1 + 2, await StoredEventCountAsync()); // registration, signing and entry into force only
    }

    [Fact]
    public async Task reading_is_open_without_a_key()
    {
        await Api.BilateralTreatyInForce("inf");

        Assert.Equal(HttpStatusCode.OK, (await AnonymousApi.GetAsync("/api/treaties/inf")).Status);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousApi.GetAsync("/api/status")).Status);
    }

    [Fact]
    public async Task an_admin_issues_a_key_that_works_at_once_and_a_revoked_key_fails_at_once()
    {
        await Api.BilateralTreatyInForce("inf");
        var admin = WithKey(await ApiKeys.IssueAsync(Store, Role.Admin, "alice"));

        var issued = await admin.PostAsync("/api/keys", """{"name":"bob","role":"editor"}""");
        Assert.Equal(HttpStatusCode.Created, issued.Status);
        var bob = WithKey(issued.Text("key"));
        Assert.Equal(HttpStatusCode.Created, (await bob.RecordAsync("inf", Statement)).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/keys/{issued.Text("id")}"))).Status);
        var refused = await bob.RecordAsync("inf", """{"type":"statement","on":"2019-01-02","by":"Russia"}""");

        AssertProblem(refused, HttpStatusCode.Unauthorized);
        Assert.Equal("The API key has been revoked.", refused.Text("detail"));
        var listed = (await admin.GetAsync("/api/keys")).Body!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "bob")!;
        Assert.Equal("alice", listed["revokedBy"]!.GetValue<string>());
        Assert.Null(listed["key"]);
        Assert.Null(listed["secretHash"]);
        var events = (await Api.GetAsync("/api/treaties/inf/events")).Body!.AsArray();
        Assert.Equal("bob", events.Last()!["recordedBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task issuing_a_key_without_a_name_or_role_is_refused_and_issues_nothing()
    {
        var admin = WithKey(await ApiKeys.IssueAsync(Store, Role.Admin));

        var refused = await admin.PostAsync("/api/keys", """{"name":" ","role":null}""");

        AssertProblem(refused, HttpStatusCode.BadRequest);
        Assert.Equal(["name", "role"], refused.Body.At("errors")!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(2, (await admin.GetAsync("/api/keys")).Body!.AsArray().Count); // the test's editor and this admin
    }

    [Fact]
    public async Task only_a_hash_of_a_key_is_stored()
    {
        var admin = WithKey(await ApiKeys.IssueAsync(Store, Role.Admin));
        var issued = await admin.PostAsync("/api/keys", """{"name":"bob","role":"editor"}""");
        var secret = issued.Text("key").Split('_', 3)[2];

        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var dump = new NpgsqlCommand("select string_agg(data::text, ' ') from treaties.mt_doc_apikey", connection);
        var stored = (string)(await dump.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        Assert.Contains(issued.Text("id"), stored);
        Assert.DoesNotContain(secret, stored);
    }
}
