namespace Marketplace.Host.Web;

/// <summary>
/// Security headers on every answer: no inline scripts or styles and nothing from outside the site (CSP),
/// no framing, no content-type sniffing. The API reference and the jobs dashboard bring their own scripts.
/// <para>
/// The pages that send a shopper to the card provider's payment page (checkout, the order's "Pay now", CMI's form) also
/// allow that page's origin in <c>form-action</c>: Chromium applies the directive to the redirect a form's answer makes,
/// so a POST answered by a redirect to Stripe's page would be blocked otherwise. No script comes from the provider.
/// </para>
/// </summary>
public sealed class SecurityHeaders(IConfiguration config)
{
    private const string Base = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
                                "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self'";

    private readonly string paymentPolicy = PaymentOrigins(config) is { Length: > 0 } origins ? $"{Base} {origins}" : Base;

    public Task Middleware(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/docs") && !path.StartsWithSegments("/admin/jobs"))
            headers.ContentSecurityPolicy = path.StartsWithSegments("/checkout") || path.StartsWithSegments("/orders") ? paymentPolicy : Base;
        return next();
    }

    /// <summary>The origin of the card provider's payment page: CMI's gateway, or Stripe Checkout (and Stripe's API base when set).</summary>
    private static string PaymentOrigins(IConfiguration config)
    {
        if (config["Marketplace:Payments:CardProvider"] == "cmi")
            return Origin(config["Marketplace:Cmi:GatewayUrl"]) ?? "";
        if (string.IsNullOrWhiteSpace(config["Marketplace:Stripe:SecretKey"])) return "";
        return string.Join(' ', new[] { "https://checkout.stripe.com", Origin(config["Marketplace:Stripe:ApiBase"]) }.OfType<string>().Distinct());
    }

    private static string? Origin(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
}
