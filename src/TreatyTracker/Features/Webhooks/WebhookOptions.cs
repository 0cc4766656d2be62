namespace TreatyTracker.Features.Webhooks;

/// <summary>Settings under <c>TreatyTracker:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "TreatyTracker:Webhooks";

    /// <summary>Lets subscriptions call private, loopback and link-local addresses (a receiver on the same network, the tests).</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>How long one attempt may take, connection and answer together.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before each retry of a failed delivery; after the last, the delivery is given up.</summary>
    /// <remarks>Null unless configured: binding a list onto defaults would add to them rather than replace them.</remarks>
    public TimeSpan[]? RetryDelays { get; set; }

    public IReadOnlyList<TimeSpan> Retries => RetryDelays ?? DefaultRetryDelays;

    public static readonly TimeSpan[] DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromHours(24)
    ];
}
