namespace Marketplace.BuildingBlocks;

/// <summary>Uploaded files recognised by their first bytes, never by their name or declared type.</summary>
public static class FileSignatures
{
    /// <summary>"image/jpeg", "image/png", "image/webp", or null when the bytes are none of them.</summary>
    public static string? Image(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return "image/jpeg";
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes.Length >= 5 && bytes[..5].SequenceEqual("%PDF-"u8);
}
