using System.Collections.Concurrent;
using Marketplace.Orders.Contracts;
using Marketplace.Testing.Stripe;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>The platform with Stripe pointed at a local Stripe-compatible fake, and a log of the Orders integration events.</summary>
public class OrdersApp : MarketplaceApp, IAsyncLifetime
{
    public StripeFake Stripe { get; private set; } = null!;
    public HttpMarket Market { get; private set; } = null!;
    internal IntegrationEventLog Events { get; } = new();
    protected virtual bool WithStripe => true;

    public override async Task InitializeAsync()
    {
        Stripe = await StripeFake.StartAsync();
        await base.InitializeAsync();
        Market = new HttpMarket(this);
    }

    protected override void Configure(IDictionary<string, string?> settings)
    {
        if (!WithStripe) return;
        settings["Marketplace:Stripe:SecretKey"] = Stripe.SecretKey;
        settings["Marketplace:Stripe:WebhookSecret"] = Stripe.WebhookSecret;
        settings["Marketplace:Stripe:ApiBase"] = Stripe.ApiBase;
        settings["Marketplace:Orders:RefundRetrySeconds"] = "0.2"; // a refund the gateway did not issue is due again at once
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(Events);
        services.AddTransient<INotificationHandler<OrderPlacedIntegrationEvent>, IntegrationEventLog.Handler<OrderPlacedIntegrationEvent>>();
        services.AddTransient<INotificationHandler<OrderPaidIntegrationEvent>, IntegrationEventLog.Handler<OrderPaidIntegrationEvent>>();
        services.AddTransient<INotificationHandler<SubOrderDeliveredIntegrationEvent>, IntegrationEventLog.Handler<SubOrderDeliveredIntegrationEvent>>();
        services.AddTransient<INotificationHandler<SubOrdersCancelledIntegrationEvent>, IntegrationEventLog.Handler<SubOrdersCancelledIntegrationEvent>>();
        services.AddTransient<INotificationHandler<RefundIssuedIntegrationEvent>, IntegrationEventLog.Handler<RefundIssuedIntegrationEvent>>();
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

/// <summary>The same platform with no Stripe keys: cash on delivery only.</summary>
public sealed class OrdersAppWithoutStripe : OrdersApp
{
    protected override bool WithStripe => false;
}

[CollectionDefinition(Name)]
public sealed class OrdersCollection : ICollectionFixture<OrdersApp>
{
    public const string Name = "orders";
}

/// <summary>What the Orders outbox published, as any receiving module would get it.</summary>
internal sealed class IntegrationEventLog
{
    private readonly ConcurrentQueue<INotification> received = new();

    public IReadOnlyList<T> Of<T>() => received.OfType<T>().ToList();

    public Task<IReadOnlyList<T>> WaitForAsync<T>(Func<T, bool> match, int count = 1, string? what = null) =>
        Poll.UntilAsync(() => Task.FromResult<IReadOnlyList<T>>(Of<T>().Where(match).ToList()), l => l.Count >= count,
            what: what ?? typeof(T).Name);

    internal sealed class Handler<T>(IntegrationEventLog log) : INotificationHandler<T> where T : INotification
    {
        public Task Handle(T notification, CancellationToken ct)
        {
            log.received.Enqueue(notification);
            return Task.CompletedTask;
        }
    }
}
