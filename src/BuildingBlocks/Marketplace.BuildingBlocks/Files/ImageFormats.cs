namespace Marketplace.BuildingBlocks;

/// <summary>Image types accepted for photos (products, experiences), recognised by their first bytes (never by the name or the declared type).</summary>
public static class ImageFormats
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> bytes) => FileSignatures.Image(bytes) switch
    {
        "image/jpeg" => ("image/jpeg", "jpg"),
        "image/png" => ("image/png", "png"),
        "image/webp" => ("image/webp", "webp"),
        _ => null,
    };
}
