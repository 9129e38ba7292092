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

    public static string? Sniff(ReadOnlySpan<byte> bytes) =>
        Marketplace.BuildingBlocks.FileSignatures.IsPdf(bytes) ? "application/pdf" : Marketplace.BuildingBlocks.FileSignatures.Image(bytes);
}
