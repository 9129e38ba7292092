using Microsoft.AspNetCore.Http.Features;

namespace Marketplace.Host.Infrastructure;

/// <summary>Request bodies: 6 MB for uploads (multipart), 256 KB for everything else. Larger: 413.</summary>
internal sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxUploadBytes = 6 * 1024 * 1024;
    public const long MaxJsonBytes = 256 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var isUpload = context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (!isUpload && feature is { IsReadOnly: false }) feature.MaxRequestBodySize = MaxJsonBytes;
        if (!isUpload && context.Request.ContentLength > MaxJsonBytes)
            throw new BadHttpRequestException($"The body is larger than {MaxJsonBytes / 1024} KB.", StatusCodes.Status413PayloadTooLarge);
        return next(context);
    }
}
