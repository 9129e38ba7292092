using Marketplace.BuildingBlocks;
using Marketplace.Certification.Domain;
using Marketplace.Certification.Features;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Projections = JasperFx.Events.Projections;

namespace Marketplace.Certification;

/// <summary>The Certification module's own Marten store (schema "certification"): certificates, their documents, products' labels.</summary>
public interface ICertificationStore : IDocumentStore;

/// <summary>
/// Labels that mean something: a product carries IGP, AOP... only while a verified, unexpired certificate of its
/// cooperative covers it. Administrators check the certificates; a daily job announces and applies their expiry; the
/// Catalogue is told each product's labels through the outbox.
/// </summary>
public static class CertificationModule
{
    public static IServiceCollection AddCertificationModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<ICertificationStore>(config, "certification", lockOffset: 9, o =>
        {
            o.Events.MapDomainEvents(typeof(CertificationModule).Assembly);
            o.Projections.Snapshot<Certificate>(Projections.SnapshotLifecycle.Inline);
            o.Projections.Snapshot<ProductLabels>(Projections.SnapshotLifecycle.Inline);
            o.Schema.For<Certificate>().Index(c => c.CooperativeId).Index(c => c.Status);
            o.RegisterDocumentType<CertificateFile>();
        }).AddIntegrationOutbox<ICertificationStore, CertificationOutbox>(services, config, CertificationOutbox.OutboxName);
        services.AddTransient(sp => new CertificateDayJob(sp.GetRequiredService<MediatR.IMediator>()));
        services.AddHostedService<CertificateJobsStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapCertificationModule(this IEndpointRouteBuilder app)
    {
        SubmitCertificateEndpoint.Map(app.MapGroup("/api/cooperatives").WithTags("Certificates"));
        ReviewCertificateEndpoints.Map(app.MapGroup("/api/admin").WithTags("Certificates").RequireAuthorization(Identity.Policies.Admin));
        ReadCertificatesEndpoints.Map(app);
        return app;
    }
}
