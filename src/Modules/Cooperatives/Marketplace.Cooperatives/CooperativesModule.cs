using Marketplace.BuildingBlocks;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Cooperatives;

/// <summary>The Cooperatives module's own Marten store (schema "cooperatives").</summary>
public interface ICooperativesStore : IDocumentStore;

public static class CooperativesModule
{
    public static IServiceCollection AddCooperativesModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<ICooperativesStore>(config, "cooperatives", lockOffset: 2, _ => { });
        return services;
    }

    public static IEndpointRouteBuilder MapCooperativesModule(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
