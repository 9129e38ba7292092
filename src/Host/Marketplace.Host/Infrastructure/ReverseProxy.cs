using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace Marketplace.Host.Infrastructure;

/// <summary>Marketplace:Proxy: the reverse proxies in front of the Hosts (TLS ends there).</summary>
internal sealed class ProxyOptions : IValidatableObject
{
    /// <summary>CIDR networks, comma-separated ("10.0.0.0/8, 127.0.0.1/32"). Unset: no forwarded header is trusted.</summary>
    public string? KnownNetworks { get; set; }

    public IReadOnlyList<IPNetwork> Networks() =>
        (KnownNetworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPNetwork.Parse).ToList();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        foreach (var network in (KnownNetworks ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (!IPNetwork.TryParse(network, out _))
                yield return new($"Marketplace:Proxy:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/8).", [nameof(KnownNetworks)]);
    }
}

/// <summary>
/// Behind a reverse proxy: X-Forwarded-For, -Proto and -Host are believed only when the request comes from a configured
/// proxy network (none by default, not even loopback), walking the chain back to the first address that is not one. Then
/// the client's address is what rate limits count, and a request the proxy received over https is https here: its cookies
/// are Secure and the answer carries Strict-Transport-Security (on every host name, localhost included: only ever over https).
/// </summary>
internal static class ReverseProxy
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration config)
    {
        var section = config.GetSection("Marketplace:Proxy");
        services.AddOptions<ProxyOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<Microsoft.Extensions.Options.IOptions<ProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in proxy.Value.Networks()) o.KnownIPNetworks.Add(network);
            o.ForwardLimit = null; // several proxies in a row: each known hop is skipped, the first unknown one is the client
        });
        return services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear();
        });
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        // Not without known networks: with no proxy and no network listed, the middleware would believe every sender.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ProxyOptions>>().Value.Networks().Count > 0) app.UseForwardedHeaders();
        app.UseHsts();
        return app;
    }
}
