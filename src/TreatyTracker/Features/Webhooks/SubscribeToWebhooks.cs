using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Marten;
using TreatyTracker.Features.States;
using TreatyTracker.Features.Status;
using TreatyTracker.Http;
using TreatyTracker.Http.Access;
using TreatyTracker.Http.OpenApi;
using TreatyTracker.Treaties;
using TreatyTracker.Treaties.Decisions;
using Wolverine.Http;

namespace TreatyTracker.Features.Webhooks;

public sealed record SubscribeRequest(string? CallbackUrl, string? Treaty, string? State, IReadOnlyList<string>? EventTypes);

/// <summary>The one answer that shows the secret: it cannot be read again.</summary>
public sealed record WebhookCreated(string Url, string Id, string CallbackUrl, WebhookFilter Filter, string Secret, DateTimeOffset CreatedAt)
    : CreationResponse(Url);

public static class SubscribeToWebhooks
{
    public const string Refused = "The webhook cannot be registered";

    /// <summary>
    /// The subscription, or why not: a URL that is not absolute http(s), an address refused, a filter that names nothing
    /// valid — an event type that does not exist, or a treaty or state the record does not have (a typo would otherwise
    /// make a subscription that never hears of anything).
    /// </summary>
    public static async Task<(WebhookSubscription? Subscription, Refusal? Refusal)> DecideAsync(SubscribeRequest request, bool allowPrivate,
        string by, DateTimeOffset now, IQuerySession session, CancellationToken cancellation)
    {
        var errors = new FieldErrors();
        var (url, problem) = WebhookAddresses.Parse(request.CallbackUrl);
        if (problem is not null) errors.Add("callbackUrl", problem);
        var treaty = Filter(errors, "treaty", request.Treaty);
        var state = Filter(errors, "state", request.State);
        IReadOnlyList<string>? types = null;
        if (request.EventTypes is { } named)
        {
            if (named.Count == 0) errors.Add("eventTypes", "names no type: leave it out to hear of every type");
            foreach (var (type, index) in named.Select((t, i) => (t, i)).Where(t => !TreatyEventTypes.Names.Contains(t.t ?? "")))
                errors.Add($"eventTypes[{index}]", $"'{type}' is not an event type ({string.Join(", ", TreatyEventTypes.Names)})");
            types = named.Distinct().ToList();
        }
        if (errors.Any) return (null, Refusal.Of(Refused, errors));

        if (treaty is not null && await session.LoadAsync<TreatyStatusView>(treaty, cancellation) is null)
            errors.Add("treaty", $"'{treaty}' is not a treaty of the record (GET /api/treaties lists them)");
        if (state is not null && !await StateNamesRow.AnyTreatyNamesAsync(session, await StateNamesRow.AllNamesOfAsync(session, state, cancellation), cancellation))
            errors.Add("state", $"no treaty names '{state}' as a signatory or party (GET /api/states lists them)");
        if (url is not null && await WebhookAddresses.RefusalAsync(url, allowPrivate, cancellation) is { } refused) errors.Add("callbackUrl", refused);
        if (errors.Any) return (null, Refusal.Of(Refused, errors));

        var id = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8));
        return (new WebhookSubscription(id, url!.AbsoluteUri, new WebhookFilter(treaty, state, types), WebhookSignature.NewSecret(), now, by), null);
    }

    /// <summary>
    /// A filter's treaty or state: left out (null) it matches everything, so one given but blank is refused rather than
    /// read as left out, which would widen the subscription to every event.
    /// </summary>
    private static string? Filter(FieldErrors errors, string field, string? value)
    {
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "must not be blank: leave it out to hear of every one");
            return null;
        }
        return errors.Text(field, value, required: false, FieldErrors.MaxNameLength);
    }
}

public static class SubscribeToWebhooksEndpoint
{
    /// <summary>
    /// Every commit with events the filter wants is then sent to <c>callbackUrl</c>, signed with the secret this answer shows
    /// (and no other will).
    /// </summary>
    [WolverinePost("/api/webhooks", Name = "RegisterWebhook")]
    [EndpointSummary("Register a webhook")]
    [ReadsReadModels] // the filter's treaty and state are checked against the record
    [SubscribeExamples]
    [ProducesResponseType(StatusCodes.Status400BadRequest)]
    [Authorize(Policy = AccessPolicies.Administer)]
    public static async Task<Results<Created<WebhookCreated>, ProblemHttpResult>> Post(SubscribeRequest? request, IDocumentSession session, HttpContext context, TimeProvider clock,
        IOptions<WebhookOptions> options, CancellationToken cancellation)
    {
        if (request is null) return TypedResults.Problem(Problems.NoBody(SubscribeToWebhooks.Refused));
        var (subscription, refusal) = await SubscribeToWebhooks.DecideAsync(request, options.Value.AllowPrivateAddresses, context.User.KeyName(),
            clock.GetUtcNow(), session, cancellation);
        if (refusal is not null) return TypedResults.Problem(Problems.From(refusal));

        session.Insert(subscription!);
        var s = subscription!;
        var location = $"/api/webhooks/{s.Id}";
        return TypedResults.Created(location, new WebhookCreated(location, s.Id, s.CallbackUrl, s.Filter, s.Secret, s.CreatedAt));
    }
}

/// <summary>The example bodies of <c>POST /api/webhooks</c> in the OpenAPI document.</summary>
public sealed class SubscribeExamplesAttribute : RequestBodyAttribute
{
    public override IEnumerable<RequestExample> Examples =>
    [
        new("treaty", "The withdrawal notices and their effects in one treaty", "application/json",
            """{"callbackUrl": "https://example.org/hooks/treaties", "treaty": "inf", "eventTypes": ["withdrawal-notice-given", "withdrawal-took-effect"]}"""),
        new("state", "Every event naming a state, by any of its names", "application/json",
            """{"callbackUrl": "https://example.org/hooks/russia", "state": "Russia"}""")
    ];
}
