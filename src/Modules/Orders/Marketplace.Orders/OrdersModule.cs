using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Expiry;
using Marketplace.Orders.Features;
using Marketplace.Orders.Fulfilment;
using Marketplace.Orders.Integration;
using Marketplace.Orders.Payments;
using Marketplace.Orders.Payments.Cmi;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Weasel.Postgresql;
using Projections = JasperFx.Events.Projections;

namespace Marketplace.Orders;

/// <summary>The Orders module's own Marten store (schema "orders").</summary>
public interface IOrdersStore : IDocumentStore;

public static class OrdersModule
{
    public static IServiceCollection AddOrdersModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<IOrdersStore>(config, "orders", lockOffset: 4, o =>
            {
                o.Events.MapDomainEvents(typeof(OrdersModule).Assembly);
                o.Projections.Snapshot<Order>(Projections.SnapshotLifecycle.Inline);
                o.Projections.Add(new SubOrderOwners(), Projections.ProjectionLifecycle.Inline);
                o.Schema.For<Order>().Index(x => x.ShopperId).Index(x => x.PlacedAt).Index(x => x.Payment.Reference).Index(x => x.Number)
                    .GinIndexJsonData();
                o.RegisterDocumentType<SubOrderOwner>();
                o.RegisterDocumentType<OrdersBackfill>();
                o.RegisterDocumentType<CheckoutClaim>();
                o.RegisterDocumentType<ProcessedMessage>();
                o.Schema.For<StrayPayment>().Index(x => x.RefundStatus);
                o.Storage.ExtendedSchemaObjects.Add(new Sequence($"orders.{OrderNumbers.Sequence}"));
            })
            .AddIntegrationOutbox<IOrdersStore, OrdersOutbox>(services, config, OrdersOutbox.OutboxName);
        services.AddOptions<OrdersOptions>().Bind(config.GetSection(OrdersOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StripeOptions>().Bind(config.GetSection(StripeOptions.Section));
        services.AddHttpClient("stripe", c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<OrderNumbers>();
        services.AddSingleton<PlaceOrderLookup>();
        services.AddOptions<CmiOptions>().Bind(config.GetSection(CmiOptions.Section));
        // The card provider of this deployment (API.md: Marketplace:Payments:CardProvider, stripe by default).
        if (config["Marketplace:Payments:CardProvider"] == "cmi") services.AddSingleton<IPaymentGateway, CmiGateway>();
        else services.AddSingleton<IPaymentGateway, StripeGateway>();
        services.AddScoped<CardPayments>();
        services.AddHttpContextAccessor();
        services.AddSingleton<SiteAddress>();
        services.AddTransient<ExpireUnpaidOrdersJob>();
        services.AddTransient<IssueDueRefundsJob>();
        services.AddHostedService<OrdersJobsStartup>();
        services.AddHostedService<SubOrderOwnersBackfill>(); // after the store's schema is applied (AddModuleStore above)
        return services;
    }

    public static IEndpointRouteBuilder MapOrdersModule(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders").WithTags("Orders");
        PlaceOrderEndpoint.Map(orders);
        ListOrdersEndpoint.Map(orders);
        GetOrderEndpoint.Map(orders);
        CancelOrderEndpoint.Map(orders);
        CancelBookingEndpoint.Map(orders);
        PayOrderEndpoint.Map(orders);
        var fulfilment = app.MapGroup("/api/cooperatives/{id:guid}/orders").WithTags("Orders");
        ListCooperativeOrdersEndpoint.Map(fulfilment);
        MoveSubOrderEndpoints.Map(fulfilment);
        CancelBookingEndpoint.MapDecline(fulfilment);
        StripeWebhookEndpoint.Map(app);
        GetPaymentProblemsEndpoint.Map(app);
        CmiCallbackEndpoint.Map(app);
        return app;
    }
}
