using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>A line of a test order: one unit of a product of this catalogue category at this price.</summary>
public sealed record TestLine(string Category, decimal Total);

/// <summary>A cooperative's part of a test order: its lines and its delivery fee.</summary>
public sealed record TestPart(TestCooperative Cooperative, decimal Shipping, params TestLine[] Lines);

/// <summary>An order as POST /api/orders answered it; <see cref="PaymentIntentId"/> for card orders.</summary>
public sealed record TestOrder(Guid Id, string Number, string PaymentMethod, IReadOnlyDictionary<Guid, Guid> SubOrders, string? PaymentIntentId)
{
    public Guid SubOrderOf(TestCooperative cooperative) => SubOrders[cooperative.Id];
}

/// <summary>
/// The money flow through the real modules over HTTP: products published in the catalogue, a shopper's checkout, a card
/// payment confirmed by a webhook that the Stripe fake signs, the cooperative accepting, shipping and delivering. Each
/// step returns once the Payouts module has heard the Orders event it causes (through the outbox).
/// </summary>
public sealed class OrdersFlow(PayoutsApp app)
{
    private readonly ConcurrentDictionary<(Guid, string, decimal), Guid> products = new();
    private readonly ConcurrentDictionary<Guid, decimal> fees = new();
    private readonly SemaphoreSlim shopperGate = new(1, 1);
    private TestUser? shopper;

    public async Task<TestOrder> PlaceAsync(string paymentMethod, params TestPart[] parts)
    {
        var lines = new List<object>();
        foreach (var part in parts)
        {
            await SetDeliveryFeeAsync(part.Cooperative, part.Shipping);
            foreach (var group in part.Lines.GroupBy(l => l))
                lines.Add(new { productId = await ProductAsync(part.Cooperative, group.Key), quantity = group.Count() });
        }
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                lines,
                shippingAddress = new
                {
                    fullName = "Fatima Ait Lahcen", phone = "+212 600 000 000", line1 = "12 rue des Oliviers", city = "Agadir",
                    province = "Agadir Ida-Outanane", postalCode = "80000",
                },
                paymentMethod,
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var order = await (await (await (await ShopperAsync()).Client.SendAsync(request)).ShouldHaveStatus(201)).Json();
        var secret = order["payment"]?["clientSecret"]?.GetValue<string>();
        return new TestOrder(order["id"]!.GetValue<Guid>(), order["number"]!.GetValue<string>(), paymentMethod,
            order["subOrders"]!.AsArray().ToDictionary(s => s!["cooperativeId"]!.GetValue<Guid>(), s => s!["id"]!.GetValue<Guid>()),
            secret?[..secret.IndexOf("_secret_", StringComparison.Ordinal)]);
    }

    /// <summary>The shopper pays by card: Stripe says so in a signed webhook.</summary>
    public async Task PayAsync(TestOrder order)
    {
        await (await app.Stripe.Succeed(order.PaymentIntentId!).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        await app.OrdersLog.HeardAsync<OrderPaidIntegrationEvent>(e => e.OrderId == order.Id, $"order {order.Number} paid");
    }

    /// <summary>The cooperative accepts, ships and delivers its sub-order (cash on delivery: collecting the whole total).</summary>
    public async Task DeliverAsync(TestOrder order, TestCooperative cooperative)
    {
        var subOrder = order.SubOrderOf(cooperative);
        var url = $"/api/cooperatives/{cooperative.Id}/orders/{subOrder}";
        var staff = cooperative.Owner.Client;
        await (await staff.PostJson($"{url}/accept")).ShouldHaveStatus(200);
        await (await staff.PostJson($"{url}/ship", new { carrier = "Amana", trackingNumber = $"AM{Random.Shared.Next(100_000, 999_999)}MA" })).ShouldHaveStatus(200);
        await (await staff.PostJson($"{url}/deliver")).ShouldHaveStatus(200);
        await app.OrdersLog.HeardAsync<SubOrderDeliveredIntegrationEvent>(e => e.SubOrderId == subOrder, $"sub-order of {order.Number} delivered");
    }

    /// <summary>The shopper cancels (before anything ships); a card payment is refunded.</summary>
    public async Task CancelAsync(TestOrder order, bool refunded)
    {
        await (await (await ShopperAsync()).Client.PostJson($"/api/orders/{order.Id}/cancel")).ShouldHaveStatus(200);
        await app.OrdersLog.HeardAsync<SubOrdersCancelledIntegrationEvent>(e => e.OrderId == order.Id, $"order {order.Number} cancelled");
        if (refunded) await app.OrdersLog.HeardAsync<RefundIssuedIntegrationEvent>(e => e.OrderId == order.Id, $"order {order.Number} refunded");
    }

    /// <summary>A card order for one cooperative, paid and delivered: its net becomes available.</summary>
    public async Task<TestOrder> DeliveredCardSaleAsync(TestCooperative cooperative, decimal shipping, params TestLine[] lines)
    {
        var order = await PlaceAsync("card", new TestPart(cooperative, shipping, lines));
        await PayAsync(order);
        await DeliverAsync(order, cooperative);
        return order;
    }

    /// <summary>A cash-on-delivery order for one cooperative, delivered: its commission is owed.</summary>
    public async Task<TestOrder> DeliveredCashSaleAsync(TestCooperative cooperative, decimal shipping, params TestLine[] lines)
    {
        var order = await PlaceAsync("cash_on_delivery", new TestPart(cooperative, shipping, lines));
        await DeliverAsync(order, cooperative);
        return order;
    }

    /// <summary>
    /// Publishes an Orders event by hand, as the outbox does (IMediator.Publish in a scope of the host): for what the API
    /// cannot make happen, such as an event delivered again or a partial refund.
    /// </summary>
    public async Task<T> PublishAsync<T>(T message) where T : INotification
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(message);
        return message;
    }

    private async Task<TestUser> ShopperAsync()
    {
        if (shopper is not null) return shopper;
        await shopperGate.WaitAsync();
        try { return shopper ??= await app.NewShopperAsync("shopper"); }
        finally { shopperGate.Release(); }
    }

    private async Task SetDeliveryFeeAsync(TestCooperative cooperative, decimal fee)
    {
        if (fees.TryGetValue(cooperative.Id, out var set) ? set == fee : fee == 0m) return;
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/shipping",
            new { flatFee = new { amount = fee, currency = "MAD" } })).ShouldHaveStatus(200);
        fees[cooperative.Id] = fee;
    }

    /// <summary>The product that orders of this line buy (published now if it is new).</summary>
    public Task<Guid> ProductOfAsync(TestCooperative cooperative, TestLine line) => ProductAsync(cooperative, line);

    /// <summary>A published product of the cooperative in this category at this price, with stock for every test.</summary>
    private async Task<Guid> ProductAsync(TestCooperative cooperative, TestLine line)
    {
        if (products.TryGetValue((cooperative.Id, line.Category, line.Total), out var known)) return known;
        var sku = $"T-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var url = $"/api/cooperatives/{cooperative.Id}/products";
        var created = await cooperative.Owner.Client.PostJson(url, new
        {
            sku, category = line.Category, unit = "piece", stock = 10_000, labels = Array.Empty<string>(), province = "taroudant",
            name = new { fr = $"Produit {line.Category} {sku}", ar = $"منتوج {sku}" },
            description = new { fr = "Fait à la main dans la région de Souss-Massa." },
            price = new { amount = line.Total, currency = "MAD" },
        });
        var id = (await (await created.ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        await (await cooperative.Owner.Client.PostJson($"{url}/{id}/publish")).ShouldHaveStatus(200);
        return products[(cooperative.Id, line.Category, line.Total)] = id;
    }
}
