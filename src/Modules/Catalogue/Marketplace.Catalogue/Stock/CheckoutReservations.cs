using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using Marketplace.Catalogue.Integration;
using Marten;
using Microsoft.Extensions.Options;

namespace Marketplace.Catalogue.Stock;

/// <summary>
/// Reserves for one checkout or several in one transaction: one round trip locks the products' streams (in id order) and
/// reads, after the locks, the orders' reservations and the standings of the products' cooperatives; each checkout is
/// then decided in turn, all of its lines or none, against the stock the ones before it left; one commit appends the
/// reservations and stores their documents.
/// <para>
/// Idempotent by order id, and the reservation is the claim of the caller's idempotency key: it keeps the request's
/// fingerprint, and a request for the same order with another fingerprint reserves nothing and is told so (Orders then
/// answers 422). A reservation made without a fingerprint (<c>ReserveStock</c>) stands for the same lines. Twins in one
/// transaction meet on the reservation the first made; twins on two nodes that share a product wait on its lock and see
/// each other's reservation; twins with no product in common meet on the reservation's primary key: the second commit
/// fails. Alone, it is then answered from the first's reservation; in a batch, the batch fails and each of its checkouts
/// is reserved again alone (<see cref="Marketplace.BuildingBlocks.Combiner{TRequest,TAnswer}"/>).
/// </para>
/// </summary>
internal sealed class CheckoutReservations(ICatalogueStore store, TimeProvider clock, IOptions<CatalogueOptions> options)
{
    private readonly string standingsOfProducts =
        $"where id in (select cooperative_id from {store.Options.Schema.For<Product>(true)} where id = any(?))";

    public async Task<IReadOnlyList<CheckoutReservation>> ReserveAsync(IReadOnlyList<ReserveForCheckout> cmds, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var locked = await session.LockForCheckoutAsync(cmds.Select(c => c.OrderId).ToList(),
            cmds.SelectMany(c => c.Lines).Select(l => l.ProductId), standingsOfProducts, ct);
        var reservations = locked.Reservations.ToDictionary();
        var reservedBefore = new Dictionary<Guid, int>(); // by product: what the checkouts before reserved in this transaction
        var now = clock.GetUtcNow();
        var answers = cmds.Select(cmd => Decide(cmd, session, locked, reservations, reservedBefore, now)).ToList();
        if (!session.PendingChanges.Streams().Any()) return answers; // nothing reserved: rolled back
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException) when (cmds.Count == 1) // a twin with no product in common reserved first
        {
            await using var query = store.QuerySession();
            var cmd = cmds[0];
            return [Earlier(cmd, Lines(cmd), (await query.LoadAsync<Reservation>(cmd.OrderId, ct))!, answers[0].Products)];
        }
        return answers;
    }

    private CheckoutReservation Decide(ReserveForCheckout cmd, IDocumentSession session, LockedForCheckout locked,
        Dictionary<Guid, Reservation> reservations, Dictionary<Guid, int> reservedBefore, DateTimeOffset now)
    {
        var lines = Lines(cmd);
        var products = lines.Select(l => locked.Streams[l.ProductId].Aggregate).OfType<Product>()
            .Select(p => Answer(p, locked.Suspended)).ToList();
        var earlier = reservations.GetValueOrDefault(cmd.OrderId);
        // A retry whose reservation expired (and was released) before its order was placed reserves again, or is refused.
        if (earlier is not null && (earlier.Status != ReservationStatus.Expired || !Same(cmd, lines, earlier)))
            return Earlier(cmd, lines, earlier, products);

        var shortages = (from line in lines
            let product = locked.Streams[line.ProductId].Aggregate
            let before = reservedBefore.GetValueOrDefault(line.ProductId)
            let reason = ProductDecisions.CannotReserve(product, line.Quantity,
                product is not null && locked.Suspended.Contains(product.CooperativeId), before)
            where reason is not null
            select new StockShortage(line.ProductId, line.Quantity, product is null ? 0 : ProductDecisions.Available(product, before), reason))
            .ToList();
        if (shortages.Count > 0) return new(products, new StockReservation(cmd.OrderId, false, shortages)); // nothing reserved

        foreach (var line in lines)
        {
            var stream = locked.Streams[line.ProductId];
            var before = reservedBefore.GetValueOrDefault(line.ProductId);
            stream.AppendOne(ProductDecisions.Reserve(stream.Aggregate!, cmd.OrderId, line.Quantity, now, before));
            reservedBefore[line.ProductId] = before + line.Quantity;
        }
        var reservation = new Reservation
        {
            Id = cmd.OrderId, ReservedAt = now, ExpiresAt = now + options.Value.ReservationTimeout, RequestHash = cmd.RequestHash,
            Lines = lines.Select(l => new ReservationLine { ProductId = l.ProductId, Quantity = l.Quantity }).ToList(),
        };
        if (earlier is null) session.Insert(reservation);
        else session.Store(reservation); // in place of the expired one, under the same locks
        reservations[cmd.OrderId] = reservation;
        return new(products, new StockReservation(cmd.OrderId, true, []));
    }

    private static List<StockLine> Lines(ReserveForCheckout cmd) =>
        cmd.Lines.GroupBy(l => l.ProductId).Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity))).ToList();

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
