using Marketplace.BuildingBlocks;
using Marketplace.Reviews.Domain;
using Marketplace.Reviews.Features;
using Microsoft.AspNetCore.Routing;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Projections = JasperFx.Events.Projections;

namespace Marketplace.Reviews;

/// <summary>The Reviews module's own Marten store (schema "reviews"): a stream per review, and who may review what.</summary>
public interface IReviewsStore : IDocumentStore;

/// <summary>
/// Reviews from verified buyers (issue 21, under way): who may review what is kept from Orders' events; the reviews' rules
/// are <see cref="ReviewDecisions"/>; API.md's routes.
/// </summary>
public static class ReviewsModule
{
    public static IServiceCollection AddReviewsModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IReviewsStore>(config, "reviews", lockOffset: 12, o =>
        {
            o.Events.MapDomainEvents(typeof(ReviewsModule).Assembly);
            o.Projections.Snapshot<Review>(Projections.SnapshotLifecycle.Inline);
            o.Schema.For<Review>().Index(r => r.CooperativeId).Index(r => r.ProductId).Index(r => r.Reports);
            o.Schema.For<Reviewable>().Index(r => r.ShopperId);
        });
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
