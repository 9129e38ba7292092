using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using Marketplace.Reviews.Features;
using Marketplace.Reviews.Integration;
using Microsoft.AspNetCore.Routing;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Projections = JasperFx.Events.Projections;

namespace Marketplace.Reviews;

/// <summary>The Reviews module's own Marten store (schema "reviews"): a stream per review, and who may review what.</summary>
public interface IReviewsStore : IDocumentStore;

/// <summary>
/// Reviews from verified buyers: who may review what is kept from Orders' events; the reviews' rules
/// are <see cref="ReviewDecisions"/>; API.md's routes; the Catalogue hears of a product's reviews changing (its outbox).
/// </summary>
public static class ReviewsModule
{
    public static IServiceCollection AddReviewsModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IReviewsStore>(config, "reviews", lockOffset: 12, o =>
        {
            o.Events.MapDomainEvents(typeof(ReviewsModule).Assembly);
            o.Projections.Snapshot<Review>(Projections.SnapshotLifecycle.Inline);
            o.Schema.For<Review>().Index(r => r.CooperativeId).Index(r => r.ProductId).Index(r => r.Reports).Index(r => r.OrderId);
            o.Schema.For<Reviewable>().Index(r => r.ShopperId).Index(r => r.OrderId);
        }).AddIntegrationOutbox<IReviewsStore, ReviewsOutbox>(services, config, ReviewsOutbox.OutboxName);
        return services;
    }

    public static IEndpointRouteBuilder MapReviewsModule(this IEndpointRouteBuilder app)
    {
        WriteReviewEndpoint.Map(app);
        ChangeReviewEndpoints.Map(app);
        ModerateReviewEndpoints.Map(app);
        ReadReviewsEndpoints.Map(app);
        ModerationQueueEndpoint.Map(app);
        return app;
    }
}
