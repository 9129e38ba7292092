using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Contracts;
using Marten;
using MediatR;

namespace Marketplace.Invoicing.Issuing;

/// <summary>
/// A sub-order was delivered: its invoice is issued now, or, while the cooperative has no tax identity, it waits for it
/// (the shopper's page says so and the cooperative space asks for it).
/// </summary>
internal sealed class WhenSubOrderDelivered(IMediator mediator, InvoiceIssuer issuer, IInvoicingStore store, TimeProvider clock)
    : INotificationHandler<SubOrderDeliveredIntegrationEvent>
{
    public async Task Handle(SubOrderDeliveredIntegrationEvent e, CancellationToken ct)
    {
        if (await mediator.Send(new GetSubOrderForInvoice(e.OrderId, e.SubOrderId), ct) is not { IsInvoiceable: true } subOrder) return;
        try
        {
            await issuer.IssueAsync(subOrder, ct);
        }
        catch (Unprocessable)
        {
            await using var session = store.LightweightSession();
            session.Store(new WaitingInvoice { Id = subOrder.SubOrderId, OrderId = subOrder.OrderId, CooperativeId = subOrder.CooperativeId,
                Since = clock.GetUtcNow() });
            await session.SaveChangesAsync(ct);
        }
    }
}

/// <summary>The cooperative set its tax identity: every invoice that waited for it is issued, oldest delivery first.</summary>
internal sealed class WhenTaxIdentitySet(IMediator mediator, InvoiceIssuer issuer, IInvoicingStore store) : INotificationHandler<TaxIdentitySetIntegrationEvent>
{
    public async Task Handle(TaxIdentitySetIntegrationEvent e, CancellationToken ct)
    {
        IReadOnlyList<WaitingInvoice> waiting;
        await using (var session = store.QuerySession())
            waiting = await session.Query<WaitingInvoice>().Where(w => w.CooperativeId == e.CooperativeId).OrderBy(w => w.Since).ToListAsync(ct);
        foreach (var w in waiting)
            if (await mediator.Send(new GetSubOrderForInvoice(w.OrderId, w.Id), ct) is { IsInvoiceable: true } subOrder)
                await issuer.IssueAsync(subOrder, ct);
    }
}

/// <summary>
/// Money went back to the shopper after an invoice: a credit note for each invoiced sub-order it concerns (all the order's
/// when the refund names none), the amount shared among them in order, up to each invoice's total.
/// </summary>
internal sealed class WhenRefundIssued(IMediator mediator, InvoiceIssuer issuer, IInvoicingStore store) : INotificationHandler<RefundIssuedIntegrationEvent>
{
    public async Task Handle(RefundIssuedIntegrationEvent e, CancellationToken ct)
    {
        IReadOnlyList<Guid> invoiced;
        await using (var session = store.QuerySession())
            invoiced = await session.Query<IssuedInvoice>().Where(i => i.OrderId == e.OrderId && i.Kind == InvoiceDocument.InvoiceKind)
                .OrderBy(i => i.IssuedAt).Select(i => i.SubOrderId).ToListAsync(ct);
        var left = e.Amount;
        foreach (var subOrderId in invoiced.Where(id => e.SubOrderIds is not { Count: > 0 } named || named.Contains(id)))
        {
            if (left <= 0) break;
            if (await mediator.Send(new GetSubOrderForInvoice(e.OrderId, subOrderId), ct) is not { } subOrder) continue;
            var note = await issuer.CreditAsync(subOrder, e.RefundReference, left, ct);
            left -= note?.Total ?? 0m;
        }
    }
}
