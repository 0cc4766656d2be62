using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace TreatyTracker.Features.Webhooks;

/// <summary>
/// A durable message (PostgreSQL) for the next attempt of a delivery. A failed attempt is written down and the next one
/// scheduled in the same transaction, after the delay <see cref="WebhookOptions.RetryDelays"/> gives it; a server stopped
/// part-way through leaves the message stored, and the next server to start carries on.
/// </summary>
[MessageIdentity("treatytracker.deliver-webhook")]
public sealed record DeliverWebhook(Guid DeliveryId);

public static class DeliverWebhookHandler
{
    /// <summary>A delivery gone when its attempt is written down was deleted with its webhook: nothing is left to do.</summary>
    public static void Configure(HandlerChain chain) => chain.OnException<NonExistentDocumentException>().Discard();

    public static async Task Handle(DeliverWebhook message, IDocumentSession session, IMessageBus bus, WebhookSender sender, TimeProvider clock,
        IOptions<WebhookOptions> options, CancellationToken cancellation)
    {
        if (await session.LoadAsync<WebhookDelivery>(message.DeliveryId, cancellation) is not { State: DeliveryState.Pending } delivery) return;
        if (await session.LoadAsync<WebhookSubscription>(delivery.SubscriptionId, cancellation) is not { } subscription)
        {
            session.Delete(delivery); // its subscription was deleted meanwhile
            return;
        }

        var outcome = await sender.SendAsync(subscription, delivery, cancellation);
        var now = clock.GetUtcNow();
        var after = outcome.Succeeded
            ? delivery.Succeeded(now, outcome.StatusCode!.Value)
            : delivery.Failed(now, outcome.StatusCode, outcome.Error!, options.Value.Retries);
        // An update, not an upsert: a webhook deleted while the attempt was in flight took its deliveries with it, and
        // this one is not written back (Marten throws NonExistentDocumentException; the message is then dropped).
        session.Update(after);
        // A delay, not an instant: Wolverine's own clock decides when it is due, whatever the app's clock says.
        if (after is { State: DeliveryState.Pending, NextAttemptAt: { } next }) await bus.ScheduleAsync(message, next - now);
    }
}
