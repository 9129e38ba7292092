using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Marketplace.BuildingBlocks;

/// <summary>The site's public address for links that leave the site (QR codes, payment returns, links to copy): Marketplace:PublicBaseUrl when set (behind a proxy), else the request's.</summary>
public static class PublicAddress
{
    public static string Of(IConfiguration config, HttpRequest request) =>
        config["Marketplace:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
