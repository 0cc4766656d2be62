using System.Security.Cryptography;
using System.Text;
using Alba;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using TreatyTracker.Features.Keys;
using TreatyTracker.Tests.Infrastructure;
using Xunit;

namespace TreatyTracker.Tests.Features.Webhooks;

/// <summary>Hosts that may call a receiver on loopback, retrying fast.</summary>
public static class WebhookHosts
{
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["TreatyTracker:Webhooks:AllowPrivateAddresses"] = "true",
        ["TreatyTracker:Webhooks:Timeout"] = "00:00:10",
        ["TreatyTracker:Webhooks:RetryDelays:0"] = "00:00:00.2",
        ["TreatyTracker:Webhooks:RetryDelays:1"] = "00:00:00.4",
        ["TreatyTracker:Webhooks:RetryDelays:2"] = "00:00:00.8",
        ["TreatyTracker:Webhooks:RetryDelays:3"] = "00:00:01",
    };

    public static Task<IAlbaHost> StartAsync(string connectionString, TimeProvider? clock = null) =>
        AppFixture.StartAsync(connectionString, seedOnStart: false, clock: clock, settings: Settings);

    public static async Task<TreatyApi> AdminAsync(IAlbaHost host) =>
        new(host.Server.CreateClient(), await ApiKeys.IssueAsync(host.Services.GetRequiredService<IDocumentStore>(), Role.Admin));

    /// <summary>Registers a webhook; returns its id and secret.</summary>
    public static async Task<(string Id, string Secret)> SubscribeAsync(this TreatyApi admin, string json)
    {
        var created = await admin.PostAsync("/api/webhooks", json);
        Assert.True(created.Status == System.Net.HttpStatusCode.Created, created.Body?.ToJsonString());
        return (created.Text("id"), created.Text("secret"));
    }

    /// <summary>Checks the signature as a receiver would: HMAC-SHA256 of "t.body" under the secret; returns the timestamp.</summary>
    public static long VerifiedTimestamp(Received received, string secret)
    {
        var parts = received.Signature!.Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var timestamp = long.Parse(parts["t"]);
        byte[] signed = [.. Encoding.UTF8.GetBytes($"{timestamp}."), .. received.Body];
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        Assert.True(CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(parts["v1"])), $"bad signature {received.Signature}");
        return timestamp;
    }
}
