using JasperFx.Events.Projections;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marketplace.Catalogue.Images;
using Marketplace.Catalogue.Integration;
using Marketplace.Catalogue.Search;
using Marketplace.Catalogue.Stock;
using Marten;
using Marten.Schema;
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
        services.AddModuleStore<ICatalogueStore>(config, "catalogue", lockOffset: 3, (o, sp) =>
        {
            o.Events.MapDomainEvents(typeof(CatalogueModule).Assembly);
            o.Projections.Snapshot<Product>(SnapshotLifecycle.Inline);
            o.Schema.For<Product>()
                .Duplicate(p => p.CooperativeId, notNull: true)
                .Duplicate(p => p.Status, notNull: true)
                .Duplicate(p => p.Category, notNull: true)
                .Duplicate(p => p.Province, notNull: true)
                .Duplicate(p => p.Price, pgType: "numeric", notNull: true)
                .Duplicate(p => p.PublishedAt)
                .UniqueIndex(UniqueIndexType.Computed, "catalogue_product_sku", p => p.CooperativeId, p => p.SkuKey);
            o.Projections.Add(new ProductSearchRows(o.DatabaseSchemaName), ProjectionLifecycle.Inline);
            o.Schema.For<Reservation>().Duplicate(r => r.Status, notNull: true).Duplicate(r => r.ExpiresAt, notNull: true);
            o.RegisterDocumentType<CooperativeStanding>();
            o.RegisterDocumentType<FoodCategory>();
            o.RegisterDocumentType<ProcessedMessage>();
            o.Listeners.Add(new ProductChangeNotifier(sp.GetRequiredService<KeptProductPages>()));
        }).AddIntegrationOutbox<ICatalogueStore, CatalogueOutbox>(services, config, CatalogueOutbox.OutboxName);
        services.AddOptions<CatalogueOptions>().Bind(config.GetSection("Marketplace:Catalogue")).ValidateDataAnnotations().ValidateOnStart();
        services.AddFileStorage(config);
        services.AddSingleton<ProductSearchSql>().AddSingleton<ProductSearch>().AddSingleton<SearchResultCache>().AddSingleton<ProductPageSql>()
            .AddSingleton<KeptProductPages>().AddSingleton<CooperativeNames>().AddSingleton<CheckoutReservations>().AddSingleton<CheckoutBatches>();
        services.AddHostedService<ProductChangeFeed>();
        services.AddHostedService<ProductSearchBackfill>(); // after the store's schema is applied (AddModuleStore above)
        services.AddTransient<ReleaseExpiredReservationsJob>();
        services.AddHostedService<ExpiryJobRegistration>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogueModule(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/cooperatives/{cooperativeId:guid}/products").WithTags("Catalogue")
            .RequireAuthorization(Identity.Policies.SignedIn);
        ListCooperativeProductsEndpoint.Map(staff);
        CreateProductEndpoint.Map(staff);
        UpdateProductEndpoint.Map(staff);
        PublishProductEndpoint.Map(staff);
        SetProductStockEndpoint.Map(staff);
        UploadProductImageEndpoint.Map(staff);
        ManageProductImagesEndpoints.Map(staff);

        var shop = app.MapGroup("/api/products").WithTags("Catalogue");
        SearchProductsEndpoint.Map(shop);
        GetProductEndpoint.Map(shop);
        ServeProductImagesEndpoints.Map(shop);
        ProductPictures.Map(app);
        GetCategoriesEndpoint.Map(app);
        FoodCategoryEndpoint.Map(app.MapGroup("/api/admin").WithTags("Catalogue").RequireAuthorization(Identity.Policies.Admin));
        return app;
    }
}
