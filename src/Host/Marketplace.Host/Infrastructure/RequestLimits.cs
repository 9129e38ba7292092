using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Infrastructure;

/// <summary>
/// Request bodies: 6 MB for uploads (multipart), 256 KB for everything else. Larger: a 413 problem, answered before the
/// body is read. The connection stays usable: the server reads the rest of a body up to 6 MB after its answer and drops
/// it (Kestrel does so when the limit allows it), so that the client's next request on the same connection is read as one.
/// A body announced over 6 MB is not read at all: the answer says Connection: close and the server closes.
/// </summary>
internal sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxUploadBytes = 6 * 1024 * 1024;
    public const long MaxJsonBytes = 256 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var isUpload = context.Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = isUpload ? MaxUploadBytes : MaxJsonBytes;
        var limit = isUpload ? MaxUploadBytes : MaxJsonBytes;
        // Answered here rather than thrown: a thrown exception re-runs the pipeline for the error page, which met this
        // same body again and failed (a 500 or a bare 413).
        if (context.Request.ContentLength > limit)
        {
            if (context.Request.ContentLength <= MaxUploadBytes && feature is { IsReadOnly: false }) feature.MaxRequestBodySize = MaxUploadBytes;
            else context.Response.Headers.Connection = "close";
            await ApiProblems.WriteAsync(context, new ProblemDetails
                { Status = StatusCodes.Status413PayloadTooLarge, Title = "Request too large", Detail = $"The body is larger than {limit / 1024} KB." });
            return;
        }
        await next(context);
    }
}
