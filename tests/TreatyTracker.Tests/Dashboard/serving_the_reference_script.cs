using System.Net;
using System.Net.Http.Headers;
using TreatyTracker.Dashboard;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Dashboard;

/// <summary>The API reference's script, served from Scalar's package gzipped or not, each body with an ETag of its own.</summary>
public class serving_the_reference_script(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<HttpResponseMessage> GetAsync(bool gzip, EntityTagHeaderValue? known = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, ApiReference.Script);
        if (gzip) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        if (known is not null) request.Headers.IfNoneMatch.Add(known);
        return await Host.Server.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task the_gzip_body_and_the_plain_one_have_different_strong_etags_each_answered_304()
    {
        var (gzipped, plain) = (await GetAsync(gzip: true), await GetAsync(gzip: false));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (gzipped.StatusCode, plain.StatusCode));
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.False(gzipped.Headers.ETag!.IsWeak || plain.Headers.ETag!.IsWeak);
        Assert.NotEqual(gzipped.Headers.ETag, plain.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(gzip: true, gzipped.Headers.ETag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(gzip: false, plain.Headers.ETag)).StatusCode);
    }
}
