namespace Marketplace.Certification.Domain;

/// <summary>The document of a certificate as uploaded (its id is the certificate's): read by its cooperative's staff and administrators.</summary>
internal sealed class CertificateFile
{
    public Guid Id { get; set; }
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

/// <summary>Documents accepted as certificates, recognised by their first bytes (never by the name or the declared type).</summary>
internal static class DocumentFormats
{
    public const long MaxBytes = 5 * 1024 * 1024; // within the 6 MB of an upload request

    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 5 && bytes[..5].SequenceEqual("%PDF-"u8)) return "application/pdf";
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF) return "image/jpeg";
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return "image/png";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }
}
