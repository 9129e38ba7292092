using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.BuildingBlocks;

/// <summary>
/// Bulk loading of benchmark data (build/bench.sh): each module may map routes under /api/admin/bench that write, many
/// at a time, the very events and documents its own commands write. They exist only when Marketplace:Bench:Loading is
/// true (never in production), answer administrators only, and are left out of the OpenAPI document.
/// </summary>
public static class BenchLoading
{
    public const string Setting = "Marketplace:Bench:Loading";

    /// <summary>At most this many items in one bulk request (one session, one transaction).</summary>
    public const int MaxBatch = 5000;

    public static void MapBenchLoading(this IEndpointRouteBuilder app, string tag, Action<RouteGroupBuilder> map)
    {
        if (!app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue(Setting, false)) return;
        map(app.MapGroup("/api/admin/bench").WithTags(tag).RequireAuthorization(Identity.Policies.Admin).ExcludeFromDescription());
    }
}
