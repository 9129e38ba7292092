using FluentValidation;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marketplace.Catalogue.Integration;
using Marten;
using MediatR;
using Microsoft.Extensions.Options;

namespace Marketplace.Catalogue.Stock;

internal sealed class ReserveForCheckoutValidator : AbstractValidator<ReserveForCheckout>
{
    public ReserveForCheckoutValidator()
    {
        RuleFor(x => x.OrderId).NotEmpty();
        RuleFor(x => x.RequestHash).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Lines).NotEmpty().Must(l => l is null || l.Count <= 100).WithMessage("An order has at most 100 lines.");
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotEmpty();
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(10_000);
        });
    }
}

/// <summary>
/// Checkout's products and reservation in one transaction: one round trip locks the products' streams (in id order)
/// and reads, after the locks, the order's reservation and the standings of the products' cooperatives; then one
/// commit appends the reservations and stores the reservation document. What <see cref="GetProductsForCheckoutHandler"/>
/// and <see cref="ReserveStockHandler"/> did in two requests, five round trips and one commit.
/// <para>
/// Idempotent by order id, and the reservation is the claim of the caller's idempotency key: it keeps the request's
/// fingerprint, and a request for the same order with another fingerprint reserves nothing and is told so (Orders then
/// answers 422). A reservation made without a fingerprint (<c>ReserveStock</c>) stands for the same lines. Twins that
/// share a product wait on its lock and see each other's reservation; twins with no product in common meet on the
/// reservation's primary key: the second commit fails and is answered from the first's reservation.
/// </para>
/// </summary>
internal sealed class ReserveForCheckoutHandler(ICatalogueStore store, TimeProvider clock, IOptions<CatalogueOptions> options)
    : IRequestHandler<ReserveForCheckout, CheckoutReservation>
{
    private readonly string standingsOfProducts =
        $"where id in (select cooperative_id from {store.Options.Schema.For<Product>(true)} where id = any(?))";

    public async Task<CheckoutReservation> Handle(ReserveForCheckout cmd, CancellationToken ct)
    {
        var lines = cmd.Lines.GroupBy(l => l.ProductId).Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity))).ToList();
        await using var session = store.LightweightSession();
        var locked = await session.LockForCheckoutAsync(cmd.OrderId, lines.Select(l => l.ProductId), standingsOfProducts, ct);
        var products = lines.Select(l => locked.Streams[l.ProductId].Aggregate).OfType<Product>()
            .Select(p => Answer(p, locked.Suspended)).ToList();
        var earlier = locked.Reservation;
        // A retry whose reservation expired (and was released) before its order was placed reserves again, or is refused.
        if (earlier is not null && (earlier.Status != ReservationStatus.Expired || !Same(cmd, lines, earlier)))
            return Earlier(cmd, lines, earlier, products);

        var shortages = (from line in lines
            let product = locked.Streams[line.ProductId].Aggregate
            let reason = ProductDecisions.CannotReserve(product, line.Quantity, product is not null && locked.Suspended.Contains(product.CooperativeId))
            where reason is not null
            select new StockShortage(line.ProductId, line.Quantity, product?.Available ?? 0, reason)).ToList();
        if (shortages.Count > 0) return new(products, new StockReservation(cmd.OrderId, false, shortages)); // rolled back

        var now = clock.GetUtcNow();
        foreach (var line in lines)
        {
            var stream = locked.Streams[line.ProductId];
            stream.AppendOne(ProductDecisions.Reserve(stream.Aggregate!, cmd.OrderId, line.Quantity, now));
        }
        var reservation = new Reservation
        {
            Id = cmd.OrderId, ReservedAt = now, ExpiresAt = now + options.Value.ReservationTimeout, RequestHash = cmd.RequestHash,
            Lines = lines.Select(l => new ReservationLine { ProductId = l.ProductId, Quantity = l.Quantity }).ToList(),
        };
        if (earlier is null) session.Insert(reservation);
        else session.Store(reservation); // in place of the expired one, under the same locks
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException) // a twin with no product in common reserved first: its reservation answers
        {
            await using var query = store.QuerySession();
            return Earlier(cmd, lines, (await query.LoadAsync<Reservation>(cmd.OrderId, ct))!, products);
        }
        return new(products, new StockReservation(cmd.OrderId, true, []));
    }

    /// <summary>An earlier request reserved for this order: the same request (fingerprint, or lines when it had none) is
    /// answered as it was; another one is told so, and nothing more is reserved.</summary>
    private static CheckoutReservation Earlier(ReserveForCheckout cmd, IReadOnlyList<StockLine> lines, Reservation earlier,
        IReadOnlyList<CheckoutProduct> products) =>
        Same(cmd, lines, earlier)
            ? new(products, new StockReservation(cmd.OrderId, true, []))
            : new(products, new StockReservation(cmd.OrderId, false, []), ReservedForAnotherRequest: true);

    private static bool Same(ReserveForCheckout cmd, IReadOnlyList<StockLine> lines, Reservation earlier) =>
        earlier.RequestHash is { } hash
            ? hash == cmd.RequestHash
            : earlier.Lines.Count == lines.Count && lines.All(l => earlier.Lines.Any(r => r.ProductId == l.ProductId && r.Quantity == l.Quantity));

    internal static CheckoutProduct Answer(Product p, IReadOnlySet<Guid> suspended) =>
        new(p.Id, p.CooperativeId, p.Listing.Sku, p.Category, p.Listing.Name.ToDictionary(), p.Price, p.Listing.Currency,
            p.Listing.Unit, p.IsPublished && !suspended.Contains(p.CooperativeId));
}
