using Microsoft.AspNetCore.Http;

namespace Marketplace.BuildingBlocks;

public static class UploadedFiles
{
    /// <summary>An uploaded file's bytes; null when none was sent or it is larger than <paramref name="maxBytes"/> (not read then).</summary>
    public static async Task<byte[]?> ReadAsync(this IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null || file.Length <= 0 || file.Length > maxBytes) return null;
        var content = new byte[file.Length];
        await using var input = file.OpenReadStream();
        await input.ReadExactlyAsync(content, ct);
        return content;
    }
}
