using TreatyTracker.Features.Record;

namespace TreatyTracker.Features.Webhooks;

/// <summary>
/// What a subscriber wants to hear of: the events of one treaty, those naming one state (by any of its names), those of
/// some types, or any combination; a filter with nothing set hears of every event.
/// </summary>
public sealed record WebhookFilter(string? Treaty, string? State, IReadOnlyList<string>? EventTypes)
{
    /// <summary>
    /// Whether <paramref name="entry"/> is one the filter asks for. <paramref name="stateNames"/>: every name the filter's
    /// state has had (a continuing state's former names too), or the name alone.
    /// </summary>
    public bool Matches(RecordEntry entry, IReadOnlyCollection<string> stateNames) =>
        (Treaty is null || entry.TreatyId == Treaty)
        && (State is null || entry.States.Any(stateNames.Contains))
        && (EventTypes is null || EventTypes.Contains(entry.Type));
}

/// <summary>
/// A webhook subscription as stored. The secret signs every delivery, so it is kept as it was issued (a hash could not
/// sign); it is shown once, when the subscription is made, and never returned after.
/// </summary>
public sealed record WebhookSubscription(string Id, string CallbackUrl, WebhookFilter Filter, string Secret, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A subscription as listed: everything but its secret.</summary>
public sealed record WebhookListed(string Id, string CallbackUrl, WebhookFilter Filter, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static WebhookListed From(WebhookSubscription subscription) =>
        new(subscription.Id, subscription.CallbackUrl, subscription.Filter, subscription.CreatedAt, subscription.CreatedBy);
}
