using Marketplace.BuildingBlocks;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts;

/// <summary>The Payouts module's own Marten store (schema "payouts").</summary>
public interface IPayoutsStore : IDocumentStore;

public static class PayoutsModule
{
    public static IServiceCollection AddPayoutsModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IPayoutsStore>(config, "payouts", lockOffset: 5, _ => { });
        return services;
    }

    public static IEndpointRouteBuilder MapPayoutsModule(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
