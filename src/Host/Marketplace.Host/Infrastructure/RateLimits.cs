using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Marketplace.BuildingBlocks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Marketplace.Host.Infrastructure;

/// <summary>
/// Marketplace:RateLimits (API.md), the checkout's: per shopper, on each Host. 0 means no limit (load tests lift them
/// that way). The limits on sign-ins and registrations are the Accounts module's, counted in the database for all Hosts.
/// </summary>
internal sealed class RateLimitOptions
{
    [Range(0, 1_000_000)] public int CheckoutPerMinutePerShopper { get; set; } = 30;
}

internal static class RateLimits
{
    public static IServiceCollection AddMarketplaceRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<RateLimitOptions>().Bind(config.GetSection("Marketplace:RateLimits")).ValidateDataAnnotations().ValidateOnStart();
        var options = config.GetSection("Marketplace:RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        return services.AddRateLimiter(o =>
        {
            o.AddPolicy(Identity.RateLimits.Checkout, context => PerMinute(
                context.User.FindFirstValue(Identity.SubjectClaim) ?? context.ClientAddress().ToString(),
                options.CheckoutPerMinutePerShopper));
            o.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                var after = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var given) ? given : Segment;
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString();
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails { Status = 429, Title = "Too many requests", Detail = "Too many requests: wait a minute and try again." },
                });
            };
        });
    }

    private static readonly TimeSpan Segment = TimeSpan.FromSeconds(10);

    /// <summary>
    /// At most <paramref name="permits"/> in any minute, counted in 10-second segments. (A fixed window restarts on a timer,
    /// not at the first request: requests on both sides of a restart were counted apart, so twice the limit could pass in
    /// a few seconds; the Reliability suite saw a 4th checkout of 3 allowed now and then.)
    /// </summary>
    private static RateLimitPartition<string> PerMinute(string key, int permits) => permits <= 0
        ? RateLimitPartition.GetNoLimiter(key)
        : RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = TimeSpan.FromMinutes(1), SegmentsPerWindow = 6, QueueLimit = 0, AutoReplenishment = true,
        });
}
