using Marketplace.BuildingBlocks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Orders.Payments;

/// <summary>
/// The site's public address, for the URLs a payment provider sends the shopper back to: Marketplace:PublicBaseUrl when
/// set (behind a proxy), else the address of the request being served.
/// </summary>
internal sealed class SiteAddress(IConfiguration config, IHttpContextAccessor http)
{
    public string BaseUrl
    {
        get
        {
            if (config["Marketplace:PublicBaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/'); // also with no request (jobs)
            return PublicAddress.Of(config, http.HttpContext?.Request
                ?? throw new InvalidOperationException("Marketplace:PublicBaseUrl is not set and no request is being served."));
        }
    }

    public string OrderPage(Guid orderId, string? payment = null) =>
        $"{BaseUrl}/orders/{orderId}" + (payment is null ? "" : $"?payment={payment}");
}
