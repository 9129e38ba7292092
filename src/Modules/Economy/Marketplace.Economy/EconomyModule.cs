using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;
using Marketplace.Economy.Features;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Projections = JasperFx.Events.Projections;

namespace Marketplace.Economy;

/// <summary>The Economy module's own Marten store (schema "economy"): members' accounts and the cooperatives' assemblies.</summary>
public interface IEconomyStore : IDocumentStore;

/// <summary>
/// The cooperatives' own economy: what members supply and are paid, their statements, the general assemblies and the
/// surplus they share. The members themselves (the register) are the Cooperatives module's.
/// </summary>
public static class EconomyModule
{
    public static IServiceCollection AddEconomyModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IEconomyStore>(config, "economy", lockOffset: 8, o =>
        {
            o.Events.MapDomainEvents(typeof(EconomyModule).Assembly);
            o.Projections.Snapshot<MemberAccount>(Projections.SnapshotLifecycle.Inline);
            o.Projections.Snapshot<Assembly>(Projections.SnapshotLifecycle.Inline);
            o.Projections.Add<MemberEntryProjection>(Projections.ProjectionLifecycle.Inline);
            o.Schema.For<MemberAccount>().Index(a => a.CooperativeId);
            o.Schema.For<Assembly>().Index(a => a.CooperativeId);
            o.Schema.For<MemberEntry>().Index(e => e.CooperativeId).Index(e => e.MemberId).Index(e => e.Date);
            o.RegisterDocumentType<Settings>();
        });
        services.AddTransient<EconomyAccess>();
        return services;
    }

    public static IEndpointRouteBuilder MapEconomyModule(this IEndpointRouteBuilder app)
    {
        var cooperatives = app.MapGroup("/api/cooperatives").WithTags("Members' economy");
        RecordSupplyEndpoint.Map(cooperatives);
        ReverseSupplyEndpoint.Map(cooperatives);
        MonthSuppliesEndpoint.Map(cooperatives);
        RecordMemberPaymentEndpoint.Map(cooperatives);
        StatementEndpoints.Map(cooperatives);
        BalancesEndpoints.MapCooperative(cooperatives);
        HoldAssemblyEndpoint.Map(cooperatives);
        AssemblyQueryEndpoints.Map(cooperatives);
        ShareSurplusEndpoint.Map(cooperatives);
        SettingsEndpoints.Map(cooperatives);
        ExportEndpoint.Map(cooperatives);
        BalancesEndpoints.MapMine(app);
        TotalsEndpoint.Map(app.MapGroup("/api/admin").WithTags("Members' economy").RequireAuthorization(Identity.Policies.Admin));
        return app;
    }
}
