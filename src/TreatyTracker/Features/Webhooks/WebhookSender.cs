using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TreatyTracker.Features.Record;
using TreatyTracker.Http;

namespace TreatyTracker.Features.Webhooks;

/// <summary>What a receiver is sent: the delivery's id (also in <c>TreatyTracker-Delivery</c>) and the commit's events it asked for.</summary>
public sealed record WebhookBody(Guid DeliveryId, string SubscriptionId, string TreatyId, IReadOnlyList<RecordEntry> Events);

/// <summary>How one attempt went: the receiver's status code if it answered, and what was wrong unless it was a 2xx.</summary>
public sealed record AttemptOutcome(int? StatusCode, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Sends one attempt of a delivery: one signed POST, within <see cref="WebhookOptions.Timeout"/>, following no redirect,
/// through no proxy, and connecting only to addresses <see cref="WebhookAddresses"/> allows, checked on the connection itself.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider clock)
{
    public const string Client = "webhooks";

    public static void AddClient(IServiceCollection services) =>
        services.AddHttpClient(Client, (provider, client) => client.Timeout = provider.GetRequiredService<IOptions<WebhookOptions>>().Value.Timeout)
            .ConfigurePrimaryHttpMessageHandler(provider =>
            {
                var options = provider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    UseProxy = false,
                    UseCookies = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(1),
                    ConnectCallback = (context, cancellation) => ConnectAsync(context.DnsEndPoint, options.AllowPrivateAddresses, cancellation)
                };
            });

    public async Task<AttemptOutcome> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellation)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new WebhookBody(delivery.Id, subscription.Id, delivery.TreatyId, delivery.Events), ApiJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.CallbackUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.HeaderValue(subscription.Secret, clock.GetUtcNow().ToUnixTimeSeconds(), body));
        request.Headers.UserAgent.ParseAdd("TreatyTracker-Webhooks/1");
        try
        {
            using var response = await clients.CreateClient(Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? new AttemptOutcome(status, null)
                : new AttemptOutcome(status, status is >= 300 and < 400 ? $"the receiver answered {status} (redirects are not followed)" : $"the receiver answered {status}");
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefused refused)
        {
            return new AttemptOutcome(null, refused.Message);
        }
        catch (HttpRequestException e)
        {
            return new AttemptOutcome(null, $"the request failed: {e.Message}");
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new AttemptOutcome(null, "the receiver did not answer in time");
        }
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellation)
    {
        var addresses = await WebhookAddresses.ResolveAsync(endpoint.Host, cancellation);
        if (addresses.FirstOrDefault(a => !WebhookAddresses.IsAllowed(a, allowPrivate)) is { } refused)
            throw new AddressRefused($"not sent: '{endpoint.Host}' resolves to {refused}, which is not a public address");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed class AddressRefused(string message) : Exception(message);
}
