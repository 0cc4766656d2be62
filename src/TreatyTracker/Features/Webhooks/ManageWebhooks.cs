using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TreatyTracker.Http.Access;
using Wolverine.Http;
using Wolverine.Persistence;

namespace TreatyTracker.Features.Webhooks;

/// <summary>A delivery as listed: its id (the receiver's <c>TreatyTracker-Delivery</c>), its events and how its attempts went.</summary>
public sealed record DeliveryListed(Guid Id, string TreatyId, IReadOnlyList<Guid> EventIds, DeliveryState State, int AttemptCount,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt,
    IReadOnlyList<DeliveryAttempt> Attempts)
{
    public static DeliveryListed From(WebhookDelivery d) => new(d.Id, d.TreatyId, d.EventIds, d.State, d.Attempts.Count,
        d.Attempts.LastOrDefault()?.StatusCode, d.Attempts.LastOrDefault()?.Error, d.CreatedAt, d.NextAttemptAt, d.DeliveredAt, d.Attempts);
}

public static class ManageWebhooksEndpoints
{
    public const int MaxDeliveriesListed = 1000;

    [WolverineGet("/api/webhooks", Name = "GetWebhooks")]
    [EndpointSummary("List the webhooks")]
    [Authorize(Policy = AccessPolicies.Administer)]
    public static async Task<IReadOnlyList<WebhookListed>> List(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<WebhookSubscription>().OrderBy(s => s.CreatedAt).ToListAsync(cancellation)).Select(WebhookListed.From).ToList();

    [WolverineGet("/api/webhooks/{id}", Name = "GetWebhook")]
    [EndpointSummary("One webhook (without its secret)")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [Authorize(Policy = AccessPolicies.Administer)]
    public static WebhookListed Get([Entity(OnMissing = OnMissing.ProblemDetailsWith404)] WebhookSubscription subscription) =>
        WebhookListed.From(subscription);

    /// <summary>Nothing more is sent to it, and its deliveries, pending or not, are forgotten.</summary>
    [WolverineDelete("/api/webhooks/{id}", Name = "DeleteWebhook")]
    [EndpointSummary("Delete a webhook")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [Authorize(Policy = AccessPolicies.Administer)]
    [EmptyResponse]
    public static void Delete([Entity(OnMissing = OnMissing.ProblemDetailsWith404)] WebhookSubscription subscription, IDocumentSession session)
    {
        session.Delete(subscription);
        session.DeleteWhere<WebhookDelivery>(d => d.SubscriptionId == subscription.Id);
    }

    /// <summary>The webhook's deliveries, newest first (at most 1,000): delivered, pending a retry, or given up.</summary>
    [WolverineGet("/api/webhooks/{id}/deliveries", Name = "GetWebhookDeliveries")]
    [EndpointSummary("The deliveries of a webhook and how their attempts went")]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    [Authorize(Policy = AccessPolicies.Administer)]
    public static async Task<IReadOnlyList<DeliveryListed>> Deliveries([Entity(OnMissing = OnMissing.ProblemDetailsWith404)] WebhookSubscription subscription,
        IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == subscription.Id).OrderByDescending(d => d.CreatedAt)
            .Take(MaxDeliveriesListed).ToListAsync(cancellation)).Select(DeliveryListed.From).ToList();
}
