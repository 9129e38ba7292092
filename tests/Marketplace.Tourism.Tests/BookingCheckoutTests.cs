using Marketplace.Testing.Stripe;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Tourism.Tests;

public sealed class BookingApp : MarketplaceApp, IAsyncLifetime
{
    public HttpMarket Market { get; }
    public StripeFake Stripe { get; private set; } = null!;
    /// <summary>The Host's clock: a test moves it to the edge of a cancellation policy (and back).</summary>
    public ShiftedClock Clock { get; } = new();
    public BookingApp() => Market = new HttpMarket(this);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }

    public override async Task InitializeAsync()
    {
        Stripe = await StripeFake.StartAsync();
        await base.InitializeAsync();
    }

    /// <summary>With Hangfire's server (the outbox delivers OrderPlaced and cancellations to Tourism) and Stripe at its fake.</summary>
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Jobs:Server"] = "true";
        settings["Marketplace:Stripe:SecretKey"] = Stripe.SecretKey;
        settings["Marketplace:Stripe:WebhookSecret"] = Stripe.WebhookSecret;
        settings["Marketplace:Stripe:ApiBase"] = Stripe.ApiBase;
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }
}

/// <summary>API.md: an order line may be {slotId, participants}: a booking in the same cart and checkout as products.</summary>
public sealed class BookingCheckoutTests(BookingApp app) : IClassFixture<BookingApp>
{
    private async Task<(MarketCooperative Coop, Guid Slot)> WorkshopAsync(int capacity)
    {
        var coop = await app.Market.NewCooperativeAsync(flatFee: 30m);
        var experience = (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences", ExperienceTests.Workshop())).Json())["id"];
        var slot = (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences/{experience}/slots", new
        {
            startsAt = DateTime.UtcNow.Date.AddDays(12).ToString("yyyy-MM-dd") + "T09:00", capacity,
        })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        return (coop, slot);
    }

    private static object Cart(IEnumerable<object> lines) => new { lines, shippingAddress = Shop.Address, paymentMethod = "cash_on_delivery" };

    private async Task<int> SeatsLeftAsync(Guid slot)
    {
        await using var session = app.Services.GetRequiredService<ITourismStore>().QuerySession();
        return (await session.LoadAsync<Slot>(slot))!.SeatsLeft;
    }

    [Fact]
    public async Task A_shopper_orders_products_of_two_cooperatives_and_a_workshop_of_a_third_in_one_order()
    {
        var (oil, honey) = (await app.Market.NewCooperativeAsync(), await app.Market.NewCooperativeAsync());
        var (host, slot) = await WorkshopAsync(capacity: 10);
        var (amlou, thyme) = (await app.Market.NewProductAsync(oil, 120m, 5), await app.Market.NewProductAsync(honey, 90m, 5));
        var shopper = await app.NewShopperAsync();
        var body = Cart([new { productId = amlou.Id, quantity = 2 }, new { slotId = slot, participants = 3 }, new { productId = thyme.Id, quantity = 1 }]);
        var key = Guid.NewGuid().ToString();

        var order = await (await (await shopper.Client.CheckoutAsync(body, key)).ShouldHaveStatus(201)).Json();
        var again = await (await (await shopper.Client.CheckoutAsync(body, key)).ShouldHaveStatus(200)).Json();

        again.Id().Should().Be(order.Id());
        order["subOrders"]!.AsArray().Should().HaveCount(3);
        var booking = order.SubOrderOf(host);
        (booking.Amount("subtotal"), booking.Amount("shipping")).Should().Be((750m, 0m), "3 × 250 MAD, nothing to deliver");
        booking["lines"]![0]!["quantity"]!.GetValue<int>().Should().Be(3);
        order.Amount("total").Should().Be(240m + 90m + 750m);
        (await SeatsLeftAsync(slot)).Should().Be(7, "three seats taken once, whatever the retries");
        (await app.Market.AvailableAsync(amlou.Id)).Should().Be(3);

        var bookingId = booking["id"]!.GetValue<Guid>();
        await host.MoveAsync(bookingId, "accept");
        await host.MoveAsync(bookingId, "ship", Shop.Shipment(), status: 409);
        var done = await host.MoveAsync(bookingId, "deliver");
        done["status"]!.GetValue<string>().Should().Be("delivered", "the visit done is the booking's delivery, paid in cash on the day");
        await Poll.UntilAsync(async () =>
        {
            await using var session = app.Services.GetRequiredService<ITourismStore>().QuerySession();
            return (await session.LoadAsync<SeatHold>(order.Id()))!.Status;
        }, s => s == SeatHoldStatus.Placed, what: "the hold booked by OrderPlaced");
    }

    [Fact]
    public async Task A_booking_without_enough_places_refuses_the_whole_cart_and_holds_nothing()
    {
        var (_, slot) = await WorkshopAsync(capacity: 2);
        var coop = await app.Market.NewCooperativeAsync();
        var soap = await app.Market.NewProductAsync(coop, 40m, 5);
        var shopper = await app.NewShopperAsync();

        var refused = await (await shopper.Client.CheckoutAsync(Cart([new { productId = soap.Id, quantity = 1 }, new { slotId = slot, participants = 3 }])))
            .ShouldBeProblem(409);
        refused["detail"]!.GetValue<string>().Should().Contain("3 asked, 2 left");
        (await SeatsLeftAsync(slot)).Should().Be(2);
        (await app.Market.AvailableAsync(soap.Id)).Should().Be(5);

        var stockShort = await shopper.Client.CheckoutAsync(Cart([new { productId = soap.Id, quantity = 9 }, new { slotId = slot, participants = 2 }]));
        await stockShort.ShouldBeProblem(409);
        (await SeatsLeftAsync(slot)).Should().Be(2, "the seats of a cart refused for its products go back at once");
        await (await shopper.Client.CheckoutAsync(Cart([new { slotId = Guid.NewGuid(), participants = 1 }]))).ShouldBeValidationProblem("lines");
        await (await shopper.Client.CheckoutAsync(Cart([new { slotId = slot, participants = 0 }]))).ShouldBeValidationProblem();
        await (await shopper.Client.CheckoutAsync(Cart([new { productId = soap.Id, quantity = 1, slotId = slot, participants = 1 }]))).ShouldBeValidationProblem();
    }

    [Fact]
    public async Task Seats_held_for_a_checkout_no_order_followed_go_back_when_the_hold_expires()
    {
        var (_, slot) = await WorkshopAsync(capacity: 5);
        var order = Guid.NewGuid();
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        (await mediator.Send(new Contracts.ReserveSeatsForCheckout(order, [new Contracts.SeatLine(slot, 4)], "crashed"))).Succeeded.Should().BeTrue();
        await using (var session = app.Services.GetRequiredService<ITourismStore>().LightweightSession())
        {
            var hold = (await session.LoadAsync<SeatHold>(order))!;
            hold.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1); // its time has passed
            session.Store(hold);
            await session.SaveChangesAsync();
        }
        (await SeatsLeftAsync(slot)).Should().Be(1);

        await Poll.UntilAsync(() => SeatsLeftAsync(slot), left => left == 5, TimeSpan.FromSeconds(90), "the expiry job giving the seats back");
        (await mediator.Send(new Contracts.ReserveSeatsForCheckout(order, [new Contracts.SeatLine(slot, 4)], "crashed"))).Succeeded
            .Should().BeTrue("a retry after the expiry holds the seats again");
    }

    [Fact]
    public async Task Children_pay_the_child_price_and_a_private_group_takes_the_whole_date_at_least_at_its_minimum()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var body = new Dictionary<string, object?>
        {
            ["title"] = new { fr = "Nuit en maison d'hôtes" }, ["meetingPoint"] = "Tizourgane", ["durationMinutes"] = 900, ["languages"] = new[] { "ar" },
            ["pricePerPerson"] = 300, ["childPrice"] = 150, ["privateGroupMinimum"] = 2000, ["cancellation"] = "7d",
        };
        var experience = (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences", body)).ShouldHaveStatus(201)).Json())["id"];
        async Task<Guid> SlotAsync(int days) => (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences/{experience}/slots",
            new { startsAt = DateTime.UtcNow.Date.AddDays(days).ToString("yyyy-MM-dd") + "T18:00", capacity = 8 })).ShouldHaveStatus(201)).Json())["id"]!
            .GetValue<Guid>();
        var (family, group, shared) = (await SlotAsync(20), await SlotAsync(21), await SlotAsync(22));
        var shopper = await app.NewShopperAsync();

        var order = await shopper.Client.PlaceAsync(Cart([new { slotId = family, participants = 4, children = 2 }]));
        order.SubOrderOf(coop).Amount("subtotal").Should().Be(2 * 300m + 2 * 150m);
        await (await shopper.Client.CheckoutAsync(Cart([new { slotId = family, participants = 2, children = 3 }]))).ShouldBeValidationProblem();

        var alone = await shopper.Client.PlaceAsync(Cart([new { slotId = group, participants = 3, privateGroup = true }]));
        alone.SubOrderOf(coop).Amount("subtotal").Should().Be(2000m, "3 × 300 MAD is below the private group's 2,000 MAD");
        (await SeatsLeftAsync(group)).Should().Be(0, "the group is alone on its date");

        await shopper.Client.PlaceAsync(Cart([new { slotId = shared, participants = 1 }]));
        var refused = await (await shopper.Client.CheckoutAsync(Cart([new { slotId = shared, participants = 2, privateGroup = true }]))).ShouldBeProblem(409);
        refused["detail"]!.GetValue<string>().Should().Contain("not empty");
        (await SeatsLeftAsync(shared)).Should().Be(7);
    }
}
