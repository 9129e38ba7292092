using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>The cooperative space's sales figures and queue counts (Contracts/CooperativeFulfilment.cs).</summary>
[Collection(OrdersCollection.Name)]
public sealed class CooperativeSalesTests(OrdersApp app)
{
    private static readonly TimeZoneInfo Morocco = TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca");

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    [Fact]
    public async Task Given_cash_orders_one_cancelled_and_an_unpaid_card_order_When_its_staff_read_the_sales_Then_only_live_sales_count()
    {
        var coop = await app.Market.NewCooperativeAsync(flatFee: 20m);
        var other = await app.Market.NewCooperativeAsync();
        var honey = await app.Market.NewProductAsync(coop, 50m, stock: 20);
        var saffron = await app.Market.NewProductAsync(other, 80m, stock: 5);
        var shopper = await app.NewShopperAsync();
        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (honey, 2), (saffron, 1)));  // 100 + 20 for this cooperative
        var cancelled = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (honey, 1)));
        await (await shopper.Client.PostJson($"/api/orders/{cancelled.Id()}/cancel")).ShouldHaveStatus(200);
        await shopper.Client.PlaceAsync(Shop.Cart("card", (honey, 3)));                             // not paid: not the cooperative's yet
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Morocco).DateTime);

        var byDay = await SendAsync(new GetCooperativeSales(coop.Id, coop.Owner.Id, today.AddDays(-2), today));
        byDay.Points.Select(p => p.Start).Should().Equal(today.AddDays(-2), today.AddDays(-1), today);
        (byDay.SubOrders, byDay.Items, byDay.Shipping, byDay.Currency).Should().Be((1, 100m, 20m, "MAD"));
        byDay.Points[^1].Should().Be(new SalesPoint(today, 1, 100m, 20m));
        byDay.Points.Take(2).Should().OnlyContain(p => p.SubOrders == 0 && p.Items == 0m);

        var byWeek = await SendAsync(new GetCooperativeSales(coop.Id, coop.Owner.Id, today.AddDays(-13), today, "week"));
        byWeek.Points.Should().OnlyContain(p => p.Start.DayOfWeek == DayOfWeek.Monday);
        byWeek.Points[^1].Items.Should().Be(100m);
        byWeek.Items.Should().Be(100m);

        var counts = await SendAsync(new CountCooperativeSubOrders(coop.Id, coop.Owner.Id));
        (counts["placed"], counts["cancelled"], counts["accepted"], counts["shipped"], counts["delivered"]).Should().Be((1, 1, 0, 0, 0));
    }

    [Fact]
    public async Task Given_a_stranger_or_a_bad_period_When_reading_the_sales_Then_Forbidden_or_ValidationFailed()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var stranger = await app.NewShopperAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await FluentActions.Awaiting(() => SendAsync(new GetCooperativeSales(coop.Id, stranger.Id, today, today))).Should().ThrowAsync<Forbidden>();
        await FluentActions.Awaiting(() => SendAsync(new CountCooperativeSubOrders(coop.Id, stranger.Id))).Should().ThrowAsync<Forbidden>();
        (await FluentActions.Awaiting(() => SendAsync(new GetCooperativeSales(coop.Id, coop.Owner.Id, today, today.AddDays(-1), "month")))
            .Should().ThrowAsync<ValidationFailed>()).Which.Errors.Keys.Should().Contain(["period", "to"]);
    }
}
