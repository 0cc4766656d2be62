using System.Net;
using Marten;
using TreatyTracker.Features.Keys;
using TreatyTracker.Features.Webhooks;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Webhooks;

/// <summary>The shared host keeps the default: private addresses are refused.</summary>
public class managing_webhooks(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<TreatyApi> AdminAsync() => new(Host.Server.CreateClient(), await ApiKeys.IssueAsync(Store, Role.Admin));

    private async Task<int> StoredSubscriptionsAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Query<WebhookSubscription>().CountAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task an_admin_registers_lists_reads_and_deletes_a_webhook_and_sees_its_secret_only_once()
    {
        var admin = await AdminAsync();
        await Api.BilateralTreatyInForce("inf");
        var created = await admin.PostAsync("/api/webhooks", """{"callbackUrl":"https://93.184.215.14/hooks","treaty":"inf","eventTypes":["statement"]}""");
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = created.Text("id");
        Assert.Equal($"/api/webhooks/{id}", created.Headers.Location!.OriginalString);
        Assert.StartsWith("whsec_", created.Text("secret"));
        Assert.Equal(("https://93.184.215.14/hooks", "inf", "statement"),
            (created.Text("callbackUrl"), created.Text("filter.treaty"), created.Text("filter.eventTypes[0]")));

        var listed = await admin.GetAsync("/api/webhooks");
        Assert.Equal(id, listed.Text("[0].id"));
        var one = await admin.GetAsync($"/api/webhooks/{id}");
        Assert.Equal(HttpStatusCode.OK, one.Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/webhooks/{id}/deliveries")).Status);
        foreach (var answer in new[] { listed, one })
            Assert.DoesNotContain(created.Text("secret"), answer.Body!.ToJsonString());

        Assert.Equal(HttpStatusCode.NoContent, (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/webhooks/{id}"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/webhooks/{id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/webhooks/{id}"))).Status);
        Assert.Equal(0, await StoredSubscriptionsAsync());
    }

    [Fact]
    public async Task an_editor_is_refused_with_403_and_a_request_without_a_key_with_401_and_nothing_is_stored()
    {
        const string body = """{"callbackUrl":"https://93.184.215.14/hooks"}""";
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.PostAsync("/api/webhooks", body)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.GetAsync("/api/webhooks")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AnonymousApi.PostAsync("/api/webhooks", body)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AnonymousApi.GetAsync("/api/webhooks")).Status);
        Assert.Equal(0, await StoredSubscriptionsAsync());
    }

    [Theory]
    [InlineData("""{"treaty":"inf"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"hooks/relative"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"ftp://93.184.215.14/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"file:///etc/passwd"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"https://user:pw@93.184.215.14/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://127.0.0.1:8080/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://localhost/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://10.1.2.3/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://192.168.0.10/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://169.254.169.254/latest/meta-data"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://0.0.0.0/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://[::1]/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://[fe80::1]/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://[fd00::1]/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://[::ffff:127.0.0.1]/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"http://[::]/hooks"}""", "callbackUrl")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","eventTypes":["no-such-type"]}""", "eventTypes[0]")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","eventTypes":[]}""", "eventTypes")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","treaty":"no-such-treaty"}""", "treaty")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","state":"Atlantis"}""", "state")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","treaty":""}""", "treaty")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","treaty":"   "}""", "treaty")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","state":""}""", "state")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","state":"  "}""", "state")]
    [InlineData("""{"callbackUrl":"https://93.184.215.14/hooks","secret":"mine"}""", "secret")]
    public async Task a_bad_url_a_private_address_or_a_bad_filter_is_refused_with_a_problem_naming_the_field_and_nothing_is_stored(string body, string field)
    {
        var response = await (await AdminAsync()).PostAsync("/api/webhooks", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.True(response.Body?["errors"]?[field] is not null || response.Body?["detail"]?.ToString().Contains(field) == true, response.Body?.ToJsonString());
        Assert.Equal(0, await StoredSubscriptionsAsync());
    }

    [Fact]
    public async Task a_treaty_or_state_given_but_blank_is_refused_as_blank_rather_than_read_as_left_out()
    {
        var response = await (await AdminAsync()).PostAsync("/api/webhooks", """{"callbackUrl":"https://93.184.215.14/hooks","treaty":"","state":" \t "}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.ContentType);
        Assert.StartsWith("must not be blank", response.Text("errors.treaty[0]"));
        Assert.StartsWith("must not be blank", response.Text("errors.state[0]"));
        Assert.Equal(0, await StoredSubscriptionsAsync());
    }
}
