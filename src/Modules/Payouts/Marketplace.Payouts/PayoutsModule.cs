using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.CommissionRules;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Domain.Sales;
using Marketplace.Payouts.Features.Balance;
using Marketplace.Payouts.Features.Batches;
using Marketplace.Payouts.Features.Commission;
using Marketplace.Payouts.Features.Payouts;
using Marketplace.Payouts.Features.Runs;
using Marketplace.Payouts.Integration;
using Marketplace.Payouts.Jobs;
using Marketplace.Payouts.Reconciliation;
using Marketplace.Payouts.Stripe;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Weasel.Postgresql;
using Projections = JasperFx.Events.Projections;

namespace Marketplace.Payouts;

/// <summary>The Payouts module's own Marten store (schema "payouts").</summary>
public interface IPayoutsStore : IDocumentStore;

public static class PayoutsModule
{
    public static IServiceCollection AddPayoutsModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IPayoutsStore>(config, "payouts", lockOffset: 5, o =>
        {
            o.Events.MapDomainEvents(typeof(PayoutsModule).Assembly);
            o.Projections.Snapshot<CooperativeLedger>(Projections.SnapshotLifecycle.Inline);
            o.Projections.Snapshot<Sale>(Projections.SnapshotLifecycle.Inline);
            o.Projections.Snapshot<CommissionSchedule>(Projections.SnapshotLifecycle.Inline);
            o.Projections.Snapshot<Payout>(Projections.SnapshotLifecycle.Inline);
            o.Projections.Add<LedgerEntryProjection>(Projections.ProjectionLifecycle.Inline);
            // One payout per cooperative and period, whatever runs it (two runs at once, two processes): the database says so.
            o.Schema.For<Payout>().UniqueIndex(x => x.CooperativeId, x => x.Period).UniqueIndex(x => x.Reference)
                .Index(x => x.Status).Index(x => x.CreatedAt);
            o.Schema.For<LedgerEntry>().Index(x => x.CooperativeId).Index(x => x.At);
            o.Schema.For<CooperativeLedger>().Index(x => x.NextAvailableAt);
            o.Schema.For<StatementLine>().Index(x => x.PayoutId);
            o.RegisterDocumentType<StatementLine>();
            o.RegisterDocumentType<StripeComparison>();
            o.RegisterDocumentType<PayoutRun>();
            o.Schema.For<BankBatch>().Index(x => x.CreatedAt);
            o.RegisterDocumentType<ProcessedMessage>();
            o.Storage.ExtendedSchemaObjects.Add(new Sequence($"payouts.{PayoutReferences.Sequence}"));
            o.Storage.ExtendedSchemaObjects.Add(new Sequence($"payouts.{CreateBankBatchHandler.Sequence}"));
        }).AddIntegrationOutbox<IPayoutsStore, PayoutsOutbox>(services, config, PayoutsOutbox.OutboxName);
        services.AddOptions<PayoutsOptions>().Bind(config.GetSection(PayoutsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PayoutsStripeOptions>().Bind(config.GetSection(PayoutsStripeOptions.Section));
        services.AddHttpClient("stripe-payouts", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton(sp => LocalCalendar.For(sp.GetRequiredService<IOptions<PayoutsOptions>>().Value.TimeZone));
        services.AddSingleton<PayoutReferences>();
        services.AddSingleton<IStripeTransfers, StripeTransfers>();
        services.AddTransient<IPayoutJobs, HangfirePayoutJobs>();
        services.AddTransient(sp => new WeeklyPayoutJob(sp.GetRequiredService<IMediator>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<LocalCalendar>()));
        services.AddTransient<StripeTransferJob>();
        services.AddTransient(sp => new ReleaseCardSalesJob(sp.GetRequiredService<IMediator>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<PayoutJobsStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapPayoutsModule(this IEndpointRouteBuilder app)
    {
        var cooperative = app.MapGroup("/api/cooperatives/{id:guid}").WithTags("Payouts").RequireAuthorization(Identity.Policies.SignedIn);
        GetBalanceEndpoint.Map(cooperative);
        GetLedgerEndpoint.Map(cooperative);
        GetStatementEndpoint.Map(cooperative);
        ListPayoutsEndpoints.MapCooperative(cooperative);

        var admin = app.MapGroup("/api/admin").WithTags("Payouts").RequireAuthorization(Identity.Policies.Admin);
        SetCommissionRatesEndpoint.Map(admin);
        GetCommissionRatesEndpoint.Map(admin);
        RunPayoutsEndpoint.Map(admin);
        ListPayoutsEndpoints.MapAdmin(admin);
        CreateBankBatchEndpoint.Map(admin);
        BankBatchEndpoints.Map(admin);
        ReissuePayoutEndpoint.Map(admin);
        MarkPayoutSentEndpoint.Map(admin);
        MarkPayoutFailedEndpoint.Map(admin);
        ImportBankStatementEndpoint.Map(admin);
        GetReconciliationEndpoint.Map(admin);
        CompareStripeTransfersEndpoint.Map(admin);
        return app;
    }
}
