using FluentValidation;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.Options;

namespace Marketplace.Catalogue.Stock;

internal sealed class ReserveStockValidator : AbstractValidator<ReserveStock>
{
    public ReserveStockValidator()
    {
        RuleFor(x => x.OrderId).NotEmpty();
        RuleFor(x => x.Lines).NotEmpty().Must(l => l is null || l.Count <= 100).WithMessage("An order has at most 100 lines.");
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotEmpty();
            line.RuleFor(l => l.Quantity).GreaterThan(0).LessThanOrEqualTo(10_000);
        });
    }
}

/// <summary>
/// Reserves every line of an order or none, under the locks of its products' streams (so stock never goes below zero
/// whatever the concurrency). Idempotent by order id: a reservation made before is answered as it was, and nothing
/// more is reserved. A refusal stores nothing, so a retry after a restock may succeed.
/// </summary>
internal sealed class ReserveStockHandler(ICatalogueStore store, TimeProvider clock, IOptions<CatalogueOptions> options)
    : IRequestHandler<ReserveStock, StockReservation>
{
    public async Task<StockReservation> Handle(ReserveStock cmd, CancellationToken ct)
    {
        var lines = cmd.Lines.GroupBy(l => l.ProductId).Select(g => new StockLine(g.Key, g.Sum(l => l.Quantity))).ToList();
        await using var session = store.LightweightSession();
        var streams = await session.LockProductsAsync(lines.Select(l => l.ProductId), ct);
        if (await session.LoadAsync<Reservation>(cmd.OrderId, ct) is not null) // read after the locks: sees a concurrent twin's commit
            return new StockReservation(cmd.OrderId, true, []);

        var cooperatives = streams.Values.Select(s => s.Aggregate?.CooperativeId).OfType<Guid>().Distinct().ToArray();
        var suspended = (await session.LoadManyAsync<CooperativeStanding>(ct, cooperatives)).Where(s => s.Suspended).Select(s => s.Id).ToHashSet();
        var shortages = (from line in lines
            let product = streams[line.ProductId].Aggregate
            let reason = ProductDecisions.CannotReserve(product, line.Quantity, product is not null && suspended.Contains(product.CooperativeId))
            where reason is not null
            select new StockShortage(line.ProductId, line.Quantity, product?.Available ?? 0, reason)).ToList();
        if (shortages.Count > 0) return new StockReservation(cmd.OrderId, false, shortages); // rolled back: nothing reserved

        var now = clock.GetUtcNow();
        foreach (var line in lines)
            streams[line.ProductId].AppendOne(ProductDecisions.Reserve(streams[line.ProductId].Aggregate!, cmd.OrderId, line.Quantity, now));
        session.Insert(new Reservation
        {
            Id = cmd.OrderId, ReservedAt = now, ExpiresAt = now + options.Value.ReservationTimeout,
            Lines = lines.Select(l => new ReservationLine { ProductId = l.ProductId, Quantity = l.Quantity }).ToList(),
        });
        try { await session.SaveChangesAsync(ct); }
        catch (JasperFx.DocumentAlreadyExistsException) { /* a twin with other products reserved first: its outcome stands */ }
        return new StockReservation(cmd.OrderId, true, []);
    }
}
