using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace TreatyTracker.Tests.Features.Webhooks;

/// <summary>One POST as a receiver got it: its headers of interest, its body (bytes, as signed) and what it was answered.</summary>
public sealed record Received(string? DeliveryId, string? Signature, byte[] Body, int AnsweredWith)
{
    public string Text => Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, port 0), as a subscriber runs one: it keeps every request and answers 500 to
/// the first <see cref="FailFirst"/> requests, or to all while <see cref="Failing"/>, else 200.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Received> _received = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public int FailFirst { get; set; }
    public volatile bool Failing;

    /// <summary>While set, a request is answered only once it completes (a send held in flight); <see cref="Held"/> tells it arrived.</summary>
    public volatile TaskCompletionSource? Hold;

    public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url(string path = "/hook") => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + path;

    public IReadOnlyList<Received> All
    {
        get { lock (_received) return _received.ToList(); }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            if (receiver.Hold is { } hold)
            {
                receiver.Held.TrySetResult();
                await hold.Task;
            }
            int status;
            lock (receiver._received)
                status = receiver.Failing || receiver._received.Count < receiver.FailFirst ? 500 : 200;
            var received = new Received(context.Request.Headers["TreatyTracker-Delivery"], context.Request.Headers["TreatyTracker-Signature"], body.ToArray(), status);
            lock (receiver._received) receiver._received.Add(received);
            receiver._arrived.Release();
            return Results.StatusCode(status);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        return receiver;
    }

    /// <summary>Waits, up to a deadline, until what arrived satisfies <paramref name="condition"/>; fails the test if it never does.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(All))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) Assert.Fail($"{what} never arrived within {seconds} s; arrived: {All.Count}");
            await _arrived.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        }
        return All;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
