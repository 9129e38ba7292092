using Marketplace.BuildingBlocks;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Catalogue;

/// <summary>The Catalogue module's own Marten store (schema "catalogue").</summary>
public interface ICatalogueStore : IDocumentStore;

public static class CatalogueModule
{
    public static IServiceCollection AddCatalogueModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<ICatalogueStore>(config, "catalogue", lockOffset: 3, _ => { });
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogueModule(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
