using Marketplace.BuildingBlocks;
using Hangfire;
using Marketplace.Invoicing.Commission;
using Marketplace.Invoicing.Features;
using Marketplace.Invoicing.Issuing;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
            o.Schema.For<IssuedInvoice>().UniqueIndex(i => i.Key).UniqueIndex(i => i.SeriesId, i => i.Year, i => i.Sequence)
                .Index(i => i.CooperativeId).Index(i => i.SubOrderId).Index(i => i.OrderId).Index(i => i.IssuedAt);
            o.RegisterDocumentType<IssuedPdf>();
            o.Schema.For<InvoiceCounter>().UseOptimisticConcurrency(true);
            o.Schema.For<InvoiceSeries>().UniqueIndex(s => s.Code);
            o.Schema.For<WaitingInvoice>().Index(w => w.CooperativeId);
            o.Storage.ExtendedSchemaObjects.Add(new Sequence($"invoicing.{InvoiceNumbers.CodeSequence}"));
        });
        services.AddTransient<InvoiceIssuer>().AddTransient<InvoiceAccess>().AddTransient<CommissionInvoices>();
        services.AddOptions<PlatformIdentity>().Bind(config.GetSection(PlatformIdentity.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddTransient(sp => new CommissionInvoiceJob(sp.GetRequiredService<CommissionInvoices>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<InvoicingStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapInvoicingModule(this IEndpointRouteBuilder app)
    {
        SubOrderInvoiceEndpoints.Map(app.MapGroup("/api/orders").WithTags("Invoices"));
        var cooperatives = app.MapGroup("/api/cooperatives").WithTags("Invoices");
        CooperativeInvoicesEndpoint.Map(cooperatives);
        CommissionInvoiceEndpoints.MapCooperative(cooperatives);
        CommissionInvoiceEndpoints.MapAdmin(app.MapGroup("/api/admin").WithTags("Invoices").RequireAuthorization(Identity.Policies.Admin));
        return app;
    }
}

/// <summary>Registers the monthly commission invoices (Hangfire's storage is shared: every node registers the same id); says when they are off.</summary>
internal sealed class InvoicingStartup(IServiceProvider services, IOptions<PlatformIdentity> platform, ILogger<InvoicingStartup> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        if (!platform.Value.Configured)
            logger.LogWarning("Commission invoices are off: the platform's legal identity (Marketplace__Platform__Ice, __TaxId, __RegisterNumber, __Address) is not set");
        services.GetService<IRecurringJobManager>()?.AddOrUpdate<CommissionInvoiceJob>(CommissionInvoiceJob.Id, job => job.RunAsync(CancellationToken.None),
            platform.Value.MonthlyCron, new RecurringJobOptions { TimeZone = CommissionInvoiceJob.Zone });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
