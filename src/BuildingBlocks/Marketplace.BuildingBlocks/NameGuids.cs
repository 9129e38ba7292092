using System.Security.Cryptography;
using System.Text;

namespace Marketplace.BuildingBlocks;

public static class NameGuids
{
    /// <summary>A GUID made from a name (SHA-256, version 8 by RFC 9562): the same name always gives the same id.</summary>
    public static Guid Of(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
