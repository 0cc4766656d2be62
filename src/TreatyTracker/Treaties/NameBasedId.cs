using System.Security.Cryptography;
using System.Text;

namespace TreatyTracker.Treaties;

/// <summary>An id that follows from a name: the same name, the same id, so that doing a thing twice finds it done.</summary>
public static class NameBasedId
{
    /// <summary>The first 16 bytes of the name's SHA-256, marked as an RFC 9562 version-8 (custom) UUID.</summary>
    public static Guid Of(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
