using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Cooperatives.Contracts;
using Marten;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>ReserveStock, the Contracts request of checkout, on PostgreSQL: all or nothing, idempotent, never below zero.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class StockReservationTests(CatalogueApp app)
{
    private static ReserveStock Reserve(Guid orderId, params (Guid Product, int Quantity)[] lines) =>
        new(orderId, lines.Select(l => new StockLine(l.Product, l.Quantity)).ToList());

    [Fact]
    public async Task Given_5_units_When_40_checkouts_reserve_at_once_Then_exactly_5_units_are_reserved_and_the_others_are_refused()
    {
        var product = await app.PublishedAsync(onHand: 5);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ =>
            Task.Run(() => app.SendAsync(Reserve(Guid.CreateVersion7(), (product.Id, 1))))));

        outcomes.Count(o => o.Succeeded).Should().Be(5);
        outcomes.Where(o => !o.Succeeded).Should().AllSatisfy(o =>
            o.Shortages.Should().ContainSingle().Which.Should().Be(new StockShortage(product.Id, 1, 0, "insufficient_stock")));
        var after = await app.ProductAsync(product.Id);
        (after.OnHand, after.Reserved, after.Available).Should().Be((5, 5, 0));
        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamAsync(product.Id)).Count(e => e.Data is StockReserved).Should().Be(5);
    }

    [Fact]
    public async Task Given_two_products_When_many_orders_reserve_various_quantities_of_both_in_either_order_Then_no_stock_goes_negative()
    {
        var a = await app.PublishedAsync(onHand: 7);
        var b = await app.PublishedAsync(onHand: 4);
        var requests = Enumerable.Range(0, 30).Select(i => i % 2 == 0
            ? Reserve(Guid.CreateVersion7(), (a.Id, 1 + i % 3), (b.Id, 1))
            : Reserve(Guid.CreateVersion7(), (b.Id, 1), (a.Id, 1 + i % 3))).ToList();

        var outcomes = await Task.WhenAll(requests.Select(r => Task.Run(() => app.SendAsync(r))));

        var granted = requests.Zip(outcomes).Where(x => x.Second.Succeeded).Select(x => x.First).ToList();
        var reservedA = granted.Sum(r => r.Lines.Single(l => l.ProductId == a.Id).Quantity);
        var reservedB = granted.Sum(r => r.Lines.Single(l => l.ProductId == b.Id).Quantity);
        var afterA = await app.ProductAsync(a.Id);
        var afterB = await app.ProductAsync(b.Id);
        (afterA.Reserved, afterB.Reserved).Should().Be((reservedA, reservedB));
        reservedA.Should().BeLessThanOrEqualTo(7);
        reservedB.Should().BeLessThanOrEqualTo(4);
        granted.Should().NotBeEmpty();
        outcomes.Where(o => !o.Succeeded).Should().AllSatisfy(o => o.Shortages.Should().NotBeEmpty());
        (afterA.Available, afterB.Available).Should().Be((7 - reservedA, 4 - reservedB));
    }

    [Fact]
    public async Task Given_the_same_order_id_When_reserving_again_even_concurrently_Then_it_reserves_once_and_answers_success()
    {
        var product = await app.PublishedAsync(onHand: 10);
        var orderId = Guid.CreateVersion7();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => app.SendAsync(Reserve(orderId, (product.Id, 3))))));
        var retry = await app.SendAsync(Reserve(orderId, (product.Id, 3)));

        outcomes.Append(retry).Should().AllSatisfy(o => o.Should().BeEquivalentTo(new StockReservation(orderId, true, [])));
        (await app.ProductAsync(product.Id)).Reserved.Should().Be(3);
    }

    [Fact]
    public async Task Given_one_line_short_of_stock_When_reserving_Then_nothing_is_reserved_and_the_reason_is_given_per_product()
    {
        var plenty = await app.PublishedAsync(onHand: 50);
        var scarce = await app.PublishedAsync(onHand: 2);
        var draft = await app.PublishedAsync(onHand: 9, publish: false);
        var unknown = Guid.CreateVersion7();

        var outcome = await app.SendAsync(Reserve(Guid.CreateVersion7(), (plenty.Id, 5), (scarce.Id, 3), (draft.Id, 1), (unknown, 1)));

        outcome.Succeeded.Should().BeFalse();
        outcome.Shortages.Should().BeEquivalentTo(new[]
        {
            new StockShortage(scarce.Id, 3, 2, "insufficient_stock"),
            new StockShortage(draft.Id, 1, 9, "not_purchasable"),
            new StockShortage(unknown, 1, 0, "unknown_product"),
        });
        (await app.ProductAsync(plenty.Id)).Reserved.Should().Be(0);
        (await app.ProductAsync(scarce.Id)).Reserved.Should().Be(0);
        (await app.ReservationAsync(outcome.OrderId)).Should().BeNull();
    }

    [Fact]
    public async Task Given_a_refusal_When_the_stock_is_counted_up_and_the_same_order_retries_Then_it_succeeds()
    {
        var product = await app.PublishedAsync(onHand: 1);
        var orderId = Guid.CreateVersion7();
        (await app.SendAsync(Reserve(orderId, (product.Id, 2)))).Succeeded.Should().BeFalse();
        await using (var session = app.Store.LightweightSession())
        {
            session.Events.Append(product.Id, new StockCounted(product.Id, 4, 1, Guid.Empty, DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        (await app.SendAsync(Reserve(orderId, (product.Id, 2)))).Succeeded.Should().BeTrue();
        (await app.ProductAsync(product.Id)).Available.Should().Be(2);
    }

    [Fact]
    public async Task Given_a_suspended_cooperative_When_reserving_its_product_Then_not_purchasable_until_it_is_reinstated()
    {
        var product = await app.PublishedAsync(onHand: 5);
        await app.PublishAsync(new CooperativeSuspendedIntegrationEvent(Guid.CreateVersion7(), product.CooperativeId, DateTimeOffset.UtcNow));

        var refused = await app.SendAsync(Reserve(Guid.CreateVersion7(), (product.Id, 1)));
        var checkout = await app.SendAsync(new GetProductsForCheckout([product.Id]));
        await app.PublishAsync(new CooperativeReinstatedIntegrationEvent(Guid.CreateVersion7(), product.CooperativeId, DateTimeOffset.UtcNow));
        var accepted = await app.SendAsync(Reserve(Guid.CreateVersion7(), (product.Id, 1)));

        refused.Shortages.Should().ContainSingle().Which.Reason.Should().Be("not_purchasable");
        checkout.Single().IsPurchasable.Should().BeFalse();
        accepted.Succeeded.Should().BeTrue();
        (await app.SendAsync(new GetProductsForCheckout([product.Id]))).Single().IsPurchasable.Should().BeTrue();
    }

    public static TheoryData<string, string> BadReservations => new()
    {
        { "no lines", "lines" },
        { "zero quantity", "lines[0].quantity" },
        { "negative quantity", "lines[0].quantity" },
        { "no order id", "orderId" },
    };

    [Theory, MemberData(nameof(BadReservations))]
    public async Task Given_bad_input_When_reserving_Then_validation_fails_with_the_field_and_nothing_is_reserved(string what, string field)
    {
        var product = await app.PublishedAsync(onHand: 5);
        var request = what switch
        {
            "no lines" => Reserve(Guid.CreateVersion7()),
            "zero quantity" => Reserve(Guid.CreateVersion7(), (product.Id, 0)),
            "negative quantity" => Reserve(Guid.CreateVersion7(), (product.Id, -2)),
            _ => Reserve(Guid.Empty, (product.Id, 1)),
        };

        var act = () => app.SendAsync(request);

        (await act.Should().ThrowAsync<ValidationFailed>()).Which.Errors.Keys.Should().Contain(field);
        (await app.ProductAsync(product.Id)).Reserved.Should().Be(0);
    }

    [Fact]
    public async Task GetProductsForCheckout_answers_prices_names_and_purchasability_and_leaves_out_unknown_ids()
    {
        var published = await app.PublishedAsync(onHand: 3, TestProducts.Listing(price: 85.50m));
        var draft = await app.PublishedAsync(onHand: 3, publish: false);

        var products = await app.SendAsync(new GetProductsForCheckout([published.Id, draft.Id, Guid.CreateVersion7()]));

        products.Should().HaveCount(2);
        var p = products.Single(x => x.ProductId == published.Id);
        (p.UnitPrice, p.Currency, p.Unit, p.IsPurchasable, p.CooperativeId).Should().Be((85.50m, "MAD", "jar 500 g", true, published.CooperativeId));
        p.Name.Should().Contain("fr", "Miel").And.Contain("ar", "عسل");
        products.Single(x => x.ProductId == draft.Id).IsPurchasable.Should().BeFalse();
    }
}
