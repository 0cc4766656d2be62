using System.Net;
using System.Net.Sockets;

namespace TreatyTracker.Features.Webhooks;

/// <summary>
/// Where a delivery may go: an absolute http or https URL whose host is a public address. Private, loopback,
/// link-local, shared (CGNAT), multicast, reserved and unspecified addresses, in IPv4 and IPv6, are refused unless the
/// server allows them (<see cref="WebhookOptions.AllowPrivateAddresses"/>), so that a subscription cannot make the
/// server call into its own network. Names are checked by what they resolve to, at registration and again on every
/// connection (<see cref="WebhookSender"/>), so a name that later resolves elsewhere (DNS rebinding) is caught.
/// </summary>
public static class WebhookAddresses
{
    public const int MaxUrlLength = 2000;

    /// <summary>The URL, or why it cannot be one a delivery goes to (its address aside).</summary>
    public static (Uri? Url, string? Problem) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "is required");
        if (text.Length > MaxUrlLength) return (null, $"is longer than {MaxUrlLength} characters");
        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url)) return (null, "is not an absolute URL");
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) return (null, "must be an http or https URL");
        if (url.UserInfo.Length > 0) return (null, "must not carry a user name or password");
        if (url.Fragment.Length > 0) return (null, "must not have a fragment (#…)");
        return (url, null);
    }

    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    public static bool IsAllowed(IPAddress address, bool allowPrivate) => allowPrivate || IsPublic(address);

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
            return bytes[0] switch
            {
                0 or 10 or 127 => false,                               // "this network", private, loopback
                100 when (bytes[1] & 0xC0) == 64 => false,             // 100.64.0.0/10, shared (CGNAT)
                169 when bytes[1] == 254 => false,                     // link-local
                172 when (bytes[1] & 0xF0) == 16 => false,             // 172.16.0.0/12
                192 when bytes[1] == 168 => false,                     // 192.168.0.0/16
                192 when bytes[1] == 0 && bytes[2] == 0 => false,      // IETF protocol assignments
                198 when (bytes[1] & 0xFE) == 18 => false,             // 198.18.0.0/15, benchmarking
                >= 224 => false,                                       // multicast, reserved, broadcast
                _ => true
            };
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return false;
        if (address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.IPv6Loopback)) return false;
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal) return false;
        // ::/96 (IPv4-compatible, deprecated) is refused whatever it carries; 64:ff9b::/96 (NAT64) carries an IPv4
        // address: judge that one.
        if (bytes[..12].All(b => b == 0)) return false;
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xff && bytes[3] == 0x9b && bytes[4..12].All(b => b == 0))
            return IsPublic(new IPAddress(bytes[12..]));
        return true;
    }

    /// <summary>The addresses <paramref name="host"/> stands for: itself when it is one, else what DNS answers.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellation) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellation);

    /// <summary>Why a delivery may not go to <paramref name="url"/>'s host, or null when it may.</summary>
    public static async Task<string?> RefusalAsync(Uri url, bool allowPrivate, CancellationToken cancellation)
    {
        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            // The ASCII (punycode) form, the one HttpClient resolves and connects to, not the Unicode one Host gives.
            addresses = await ResolveAsync(url.IdnHost, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellation.IsCancellationRequested)
        {
            return $"its host '{url.Host}' cannot be resolved";
        }
        if (addresses.Length == 0) return $"its host '{url.Host}' cannot be resolved";
        return addresses.FirstOrDefault(a => !IsAllowed(a, allowPrivate)) is { } refused
            ? $"its host '{url.Host}' is (or resolves to) {refused}, a private, loopback, link-local or otherwise non-public address"
            : null;
    }
}
