using Marketplace.BuildingBlocks;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders;

/// <summary>The Orders module's own Marten store (schema "orders").</summary>
public interface IOrdersStore : IDocumentStore;

public static class OrdersModule
{
    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IOrdersStore>(config, "orders", lockOffset: 4, _ => { });
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersModule(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
