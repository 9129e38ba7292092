using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marten;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>
/// ReserveForCheckout, checkout's reservation, on PostgreSQL: checkouts that arrive together are reserved together in one
/// transaction, each all or nothing against what the ones before it left, and never below zero.
/// </summary>
[Collection(CatalogueCollection.Name)]
public sealed class CheckoutReservationTests(CatalogueApp app)
{
    private static ReserveForCheckout Checkout(Guid orderId, string hash, params (Guid Product, int Quantity)[] lines) =>
        new(orderId, lines.Select(l => new StockLine(l.Product, l.Quantity)).ToList(), hash);

    private async Task<List<DateTimeOffset>> ReservedAtTransactionsAsync(IEnumerable<Guid> orderIds)
    {
        await using var session = app.Store.QuerySession();
        return (await session.QueryAsync<DateTimeOffset>(
            "select mt_last_modified from catalogue.mt_doc_reservation where id = any(?)", orderIds.ToArray())).ToList();
    }

    [Fact]
    public async Task Given_5_units_of_one_product_When_40_checkouts_of_it_and_of_a_plentiful_one_come_at_once_Then_5_are_reserved_whole_and_the_others_nothing()
    {
        var scarce = await app.PublishedAsync(onHand: 5);
        var plentiful = await app.PublishedAsync(onHand: 1_000);
        var requests = Enumerable.Range(0, 40).Select(i => Checkout(Guid.CreateVersion7(), $"h{i}", (plentiful.Id, 2), (scarce.Id, 1))).ToList();

        var outcomes = await Task.WhenAll(requests.Select(r => Task.Run(() => app.SendAsync(r))));

        outcomes.Count(o => o.Reservation.Succeeded).Should().Be(5);
        outcomes.Where(o => !o.Reservation.Succeeded).Should().AllSatisfy(o =>
            o.Reservation.Shortages.Should().ContainSingle().Which.Should().Be(new StockShortage(scarce.Id, 1, 0, "insufficient_stock")));
        outcomes.Should().AllSatisfy(o => o.Products.Select(p => p.ProductId).Should().BeEquivalentTo([scarce.Id, plentiful.Id]));
        var (afterScarce, afterPlentiful) = (await app.ProductAsync(scarce.Id), await app.ProductAsync(plentiful.Id));
        (afterScarce.Reserved, afterScarce.Available).Should().Be((5, 0));
        (afterPlentiful.Reserved, afterPlentiful.Available).Should().Be((10, 990), "a refused checkout holds none of its other lines");
        await using var session = app.Store.QuerySession();
        (await session.Events.FetchStreamAsync(plentiful.Id)).Select(e => e.Data).OfType<StockReserved>()
            .Select(e => e.OrderId).Should().BeEquivalentTo(requests.Zip(outcomes).Where(x => x.Second.Reservation.Succeeded).Select(x => x.First.OrderId));
    }

    [Fact]
    public async Task Checkouts_arriving_while_others_are_reserved_are_reserved_together_in_fewer_transactions_than_checkouts()
    {
        var products = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => app.PublishedAsync(onHand: 500)));
        var requests = Enumerable.Range(0, 60).Select(i =>
            Checkout(Guid.CreateVersion7(), $"h{i}", (products[i % 3].Id, 1), (products[(i + 1) % 3].Id, 2))).ToList();

        var outcomes = await Task.WhenAll(requests.Select(r => Task.Run(() => app.SendAsync(r))));

        outcomes.Should().AllSatisfy(o => o.Reservation.Succeeded.Should().BeTrue());
        foreach (var product in products)
            (await app.ProductAsync(product.Id)).Reserved.Should().Be(60, "each product is in 40 checkouts, 20 times 1 unit and 20 times 2");
        var transactions = await ReservedAtTransactionsAsync(requests.Select(r => r.OrderId));
        transactions.Should().HaveCount(60);
        transactions.Distinct().Count().Should().BeLessThan(60, "checkouts that waited for a batch were reserved in one transaction");
    }

    [Fact]
    public async Task Given_twins_of_one_order_with_two_fingerprints_arriving_together_Then_one_fingerprint_reserves_once_and_the_other_is_told_so()
    {
        var product = await app.PublishedAsync(onHand: 100);
        var order = Guid.CreateVersion7();
        var others = Enumerable.Range(0, 10).Select(i => Checkout(Guid.CreateVersion7(), $"o{i}", (product.Id, 1))).ToList();
        var twins = Enumerable.Range(0, 8).Select(i => Checkout(order, i % 2 == 0 ? "first-body" : "second-body", (product.Id, 3))).ToList();

        var outcomes = await Task.WhenAll(others.Concat(twins).Select(r => Task.Run(() => app.SendAsync(r))));

        await using var session = app.Store.QuerySession();
        var reservation = (await session.LoadAsync<Reservation>(order))!;
        var byTwin = twins.Zip(outcomes.Skip(others.Count)).ToList();
        byTwin.Where(t => t.First.RequestHash == reservation.RequestHash).Should().AllSatisfy(t =>
            (t.Second.Reservation.Succeeded, t.Second.ReservedForAnotherRequest).Should().Be((true, false)));
        byTwin.Where(t => t.First.RequestHash != reservation.RequestHash).Should().HaveCount(4).And.AllSatisfy(t =>
            (t.Second.Reservation.Succeeded, t.Second.ReservedForAnotherRequest).Should().Be((false, true)));
        (await session.Events.FetchStreamAsync(product.Id)).Select(e => e.Data).OfType<StockReserved>()
            .Count(e => e.OrderId == order).Should().Be(1);
        (await app.ProductAsync(product.Id)).Reserved.Should().Be(13);
    }
}
