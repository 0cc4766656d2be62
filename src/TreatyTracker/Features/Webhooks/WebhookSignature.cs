using System.Security.Cryptography;
using System.Text;

namespace TreatyTracker.Features.Webhooks;

/// <summary>
/// Each delivery is signed as Stripe signs its webhooks: HMAC-SHA256, under the subscription's secret, of the Unix
/// timestamp of the attempt, a dot and the body, sent as <c>TreatyTracker-Signature: t=TIMESTAMP,v1=HEX</c>. The
/// receiver recomputes it, compares in constant time, and refuses a timestamp too far from its own clock (a replay).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "TreatyTracker-Signature";
    public const string DeliveryHeader = "TreatyTracker-Delivery";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var signed = new byte[Encoding.UTF8.GetByteCount($"{timestamp}.") + body.Length];
        var prefix = Encoding.UTF8.GetBytes($"{timestamp}.", signed);
        body.CopyTo(signed.AsSpan(prefix));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    public static string HeaderValue(string secret, long timestamp, ReadOnlySpan<byte> body) => $"t={timestamp},v1={Sign(secret, timestamp, body)}";

    /// <summary>A new secret: 256 random bits, prefixed so that it is recognised for what it is.</summary>
    public static string NewSecret() => "whsec_" + System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}
