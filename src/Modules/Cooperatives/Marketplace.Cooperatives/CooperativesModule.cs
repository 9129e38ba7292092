using JasperFx.Events.Projections;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Features;
using Marketplace.Cooperatives.Integration;
using Marketplace.Cooperatives.Storage;
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
        services.AddModuleStore<ICooperativesStore>(config, "cooperatives", lockOffset: 2, o =>
            {
                o.Events.MapDomainEvents(typeof(CooperativesModule).Assembly);
                o.Projections.Add(new CooperativeProjection(), ProjectionLifecycle.Inline);
                o.Schema.For<Cooperative>()
                    .Index(c => c.Status)
                    .Index(c => c.Province)
                    .GinIndexJsonData(); // sectors and staff: jsonb containment
                o.RegisterDocumentType<RegistrationClaim>();
                o.RegisterDocumentType<DeliveryFeeLimit>();
            })
            .AddIntegrationOutbox<ICooperativesStore, CooperativesOutbox>(services, config, CooperativesOutbox.OutboxName);
        return services;
    }

    public static IEndpointRouteBuilder MapCooperativesModule(this IEndpointRouteBuilder app)
    {
        var cooperatives = app.MapGroup("/api/cooperatives").WithTags("Cooperatives");
        ApplyForCooperativeEndpoint.Map(cooperatives);
        GetDirectoryEndpoint.Map(cooperatives);
        GetCooperativeEndpoint.Map(cooperatives);
        GetHistoryEndpoint.Map(cooperatives);
        AddStaffEndpoint.Map(cooperatives);
        RemoveStaffEndpoint.Map(cooperatives);
        GetStaffEndpoint.Map(cooperatives);
        AddMemberEndpoint.Map(cooperatives);
        UpdateMemberEndpoint.Map(cooperatives);
        MemberLeavesEndpoint.Map(cooperatives);
        GetMembersEndpoint.Map(cooperatives);
        SetShippingEndpoint.Map(cooperatives);
        WomenLedEndpoints.Map(cooperatives);
        SetPayoutAccountEndpoint.Map(cooperatives);
        ViewPayoutAccountEndpoint.Map(cooperatives);
        TaxIdentityEndpoints.Map(cooperatives);

        var admin = app.MapGroup("/api/admin/cooperatives").WithTags("Cooperatives")
            .RequireAuthorization(Identity.Policies.Admin);
        ChangeStatusEndpoints.Map(admin);
        DeliveryFeeLimitEndpoints.Map(app.MapGroup("/api/admin").WithTags("Cooperatives").RequireAuthorization(Identity.Policies.Admin));
        return app;
    }
}
