using Marketplace.BuildingBlocks;
using Marketplace.Tourism.Domain;
using Marketplace.Tourism.Features;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Projections = JasperFx.Events.Projections;

namespace Marketplace.Tourism;

/// <summary>The Tourism module's own Marten store (schema "tourism"): experiences and their slots' seats.</summary>
public interface ITourismStore : IDocumentStore;

/// <summary>
/// Solidarity tourism: the visits, workshops and stays cooperatives host, their dated slots, and the seats a booking takes
/// (held like stock under each slot's stream, never more than its capacity).
/// </summary>
public static class TourismModule
{
    public static IServiceCollection AddTourismModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<ITourismStore>(config, "tourism", lockOffset: 11, o =>
        {
            o.Events.MapDomainEvents(typeof(TourismModule).Assembly);
            o.Projections.Snapshot<Experience>(Projections.SnapshotLifecycle.Inline);
            o.Projections.Snapshot<Slot>(Projections.SnapshotLifecycle.Inline);
            o.Schema.For<Experience>().Index(e => e.CooperativeId).Index(e => e.Province);
            o.Schema.For<Slot>().UniqueIndex(s => s.ExperienceId, s => s.StartsAt).Index(s => s.StartsAt);
            o.Schema.For<SeatHold>().Index(h => h.ExpiresAt);
            o.Schema.For<HostCancellation>().Index(c => c.CooperativeId);
        });
        services.AddFileStorage(config);
        services.AddTransient<SeatHolds>().AddTransient<ExpireSeatHoldsJob>().AddHostedService<ExpireSeatHoldsRegistration>();
        return services;
    }

    public static IEndpointRouteBuilder MapTourismModule(this IEndpointRouteBuilder app)
    {
        var cooperatives = app.MapGroup("/api/cooperatives").WithTags("Solidarity tourism");
        CreateExperienceEndpoint.Map(cooperatives);
        OpenSlotsEndpoints.Map(cooperatives);
        CancelSlotEndpoint.Map(cooperatives);
        BookingCalendarEndpoint.Map(cooperatives);
        ReadExperiencesEndpoints.Map(app);
        ExperiencePhotoEndpoints.Map(app);
        return app;
    }
}
