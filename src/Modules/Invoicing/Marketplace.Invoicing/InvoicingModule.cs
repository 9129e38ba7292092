using Marketplace.BuildingBlocks;
using Marketplace.Invoicing.Features;
using Marketplace.Invoicing.Issuing;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Postgresql;

namespace Marketplace.Invoicing;

/// <summary>The Invoicing module's own Marten store (schema "invoicing"): issued documents, their numbers' series.</summary>
public interface IInvoicingStore : IDocumentStore;

/// <summary>
/// The cooperatives' invoices to their buyers (one per delivered sub-order) and credit notes after refunds, numbered per
/// cooperative and year without gap or repeat, kept as issued (PDF and SHA-256).
/// </summary>
public static class InvoicingModule
{
    public static IServiceCollection AddInvoicingModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IInvoicingStore>(config, "invoicing", lockOffset: 7, o =>
        {
            o.Schema.For<IssuedInvoice>().UniqueIndex(i => i.Key).UniqueIndex(i => i.CooperativeId, i => i.Year, i => i.Sequence)
                .Index(i => i.SubOrderId).Index(i => i.OrderId).Index(i => i.IssuedAt);
            o.RegisterDocumentType<IssuedPdf>();
            o.Schema.For<InvoiceCounter>().UseOptimisticConcurrency(true);
            o.Schema.For<InvoiceSeries>().UniqueIndex(s => s.Code);
            o.Schema.For<WaitingInvoice>().Index(w => w.CooperativeId);
            o.Storage.ExtendedSchemaObjects.Add(new Sequence($"invoicing.{InvoiceNumbers.CodeSequence}"));
        });
        services.AddTransient<InvoiceIssuer>().AddTransient<InvoiceAccess>();
        return services;
    }

    public static IEndpointRouteBuilder MapInvoicingModule(this IEndpointRouteBuilder app)
    {
        SubOrderInvoiceEndpoints.Map(app.MapGroup("/api/orders").WithTags("Invoices"));
        CooperativeInvoicesEndpoint.Map(app.MapGroup("/api/cooperatives").WithTags("Invoices"));
        return app;
    }
}
