using TreatyTracker.Treaties;
using System.Text.Json;
using System.Text.Json.Serialization;
using TreatyTracker.Features.Record;

namespace TreatyTracker.Features.Webhooks;

[JsonConverter(typeof(DeliveryStateNames))]
public enum DeliveryState
{
    /// <summary>Not delivered yet: the next attempt is due at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,
    Delivered,
    /// <summary>Every retry failed; no attempt is made any more.</summary>
    GivenUp
}

/// <summary>pending, delivered, given-up.</summary>
public sealed class DeliveryStateNames() : JsonStringEnumConverter<DeliveryState>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

/// <summary>One attempt: the receiver's status code when it answered, and what went wrong unless it was a success (2xx).</summary>
public sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error);

/// <summary>
/// One commit's events for one subscription, as sent (the same body, under the same id, on every attempt), and how its
/// attempts went. Its id is derived from the commit and the subscription, so handling the commit again yields the same
/// delivery and a receiver can drop a repeat by it.
/// </summary>
public sealed record WebhookDelivery(
    Guid Id,
    string SubscriptionId,
    string TreatyId,
    IReadOnlyList<RecordEntry> Events,
    DateTimeOffset CreatedAt,
    DeliveryState State,
    IReadOnlyList<DeliveryAttempt> Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? DeliveredAt = null)
{
    public static WebhookDelivery New(string subscriptionId, string treatyId, IReadOnlyList<RecordEntry> events, DateTimeOffset at) =>
        new(IdOf(subscriptionId, events[0].EventId), subscriptionId, treatyId, events, at, DeliveryState.Pending, [], at);

    [JsonIgnore]
    public IReadOnlyList<Guid> EventIds => Events.Select(e => e.EventId).ToList();

    /// <summary>The delivery of <paramref name="firstEventId"/>'s commit to <paramref name="subscriptionId"/>: the same pair, the same id.</summary>
    public static Guid IdOf(string subscriptionId, Guid firstEventId) => NameBasedId.Of($"{subscriptionId}/{firstEventId:N}");

    public WebhookDelivery Succeeded(DateTimeOffset at, int statusCode) => this with
    {
        State = DeliveryState.Delivered, Attempts = [.. Attempts, new DeliveryAttempt(at, statusCode, null)], NextAttemptAt = null, DeliveredAt = at
    };

    /// <summary>An attempt that failed: retried after the next of <paramref name="retryDelays"/>, or given up when none is left.</summary>
    public WebhookDelivery Failed(DateTimeOffset at, int? statusCode, string error, IReadOnlyList<TimeSpan> retryDelays)
    {
        var failures = Attempts.Count + 1;
        var retry = failures <= retryDelays.Count ? at + retryDelays[failures - 1] : (DateTimeOffset?)null;
        return this with
        {
            State = retry is null ? DeliveryState.GivenUp : DeliveryState.Pending, Attempts = [.. Attempts, new DeliveryAttempt(at, statusCode, error)],
            NextAttemptAt = retry
        };
    }
}
