namespace Marketplace.Host.Web;

/// <summary>
/// Security headers on every answer: no inline scripts or styles and nothing from outside the site (CSP),
/// no framing, no content-type sniffing. The API reference and the jobs dashboard bring their own scripts.
/// </summary>
public static class SecurityHeaders
{
    private const string Policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                                  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static Task Middleware(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (!context.Request.Path.StartsWithSegments("/docs") && !context.Request.Path.StartsWithSegments("/admin/jobs"))
            headers.ContentSecurityPolicy = Policy;
        return next();
    }
}
