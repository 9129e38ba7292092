using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Marketplace.BuildingBlocks;

public static class StoredImages
{
    /// <summary>
    /// An uploaded image's answer: a public one never changes under its id, so it is cacheable for a year (immutable, with an
    /// ETag and Last-Modified: 304 to conditional requests); one only its owners may see is never cached by others.
    /// </summary>
    public static IResult Serve(HttpContext http, Stream content, string contentType, Guid id, DateTimeOffset addedAt, bool isPublic)
    {
        http.Response.Headers.CacheControl = isPublic ? "public, max-age=31536000, immutable" : "private, no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Stream(content, contentType, lastModified: addedAt, entityTag: new EntityTagHeaderValue($"\"{id:N}\""));
    }
}
