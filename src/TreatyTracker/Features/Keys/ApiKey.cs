using System.Text.Json;
using System.Text.Json.Serialization;

namespace TreatyTracker.Features.Keys;

/// <summary>What a key may do; each role includes the ones before it.</summary>
[JsonConverter(typeof(RoleJson))]
public enum Role
{
    Reader,
    Editor,
    Admin
}

/// <summary>
/// <c>reader</c>, <c>editor</c>, <c>admin</c> on the wire, as the document says; keys stored before that ("Reader")
/// still read, since reading ignores case.
/// </summary>
public sealed class RoleJson() : JsonStringEnumConverter<Role>(JsonNamingPolicy.CamelCase);

/// <summary>
/// An API key as stored: its public id, who holds it and what it may do. The secret part of the key is never
/// stored, only its SHA-256 hash (the secret is 256 random bits, so a slow password hash would add nothing).
/// </summary>
public sealed record ApiKey(
    string Id,
    string Name,
    Role Role,
    string SecretHash,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset? RevokedAt = null,
    string? RevokedBy = null)
{
    public bool IsRevoked => RevokedAt is not null;

    public ApiKey Revoked(string by, DateTimeOffset at) => IsRevoked ? this : this with { RevokedAt = at, RevokedBy = by };
}

/// <summary>An API key as its holder sees it once, when it is issued: <c>tt_KEYID_SECRET</c>.</summary>
public readonly record struct ApiKeyToken(string KeyId, string Secret)
{
    private const string Prefix = "tt_";
    private const int KeyIdLength = 16;

    public static ApiKeyToken New() => new(
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyIdLength / 2)),
        System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    public override string ToString() => $"{Prefix}{KeyId}_{Secret}";

    public static bool TryParse(string? text, out ApiKeyToken token)
    {
        token = default;
        if (text is null || text.Length > 200 || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = text.AsSpan(Prefix.Length);
        if (rest.Length <= KeyIdLength + 1 || rest[KeyIdLength] != '_') return false;
        var keyId = rest[..KeyIdLength];
        if (keyId.ContainsAnyExcept("0123456789abcdef")) return false;
        token = new ApiKeyToken(keyId.ToString(), rest[(KeyIdLength + 1)..].ToString());
        return true;
    }

    public string SecretHash() => Convert.ToBase64String(HashOf(Secret));

    /// <summary>Constant-time, so that the time taken says nothing about how much of a guess was right.</summary>
    public bool Matches(string storedHash) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(HashOf(Secret), Convert.FromBase64String(storedHash));

    private static byte[] HashOf(string secret) =>
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
}
