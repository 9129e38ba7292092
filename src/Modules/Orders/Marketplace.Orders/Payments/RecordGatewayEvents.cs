using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Orders.Payments;

/// <summary>
/// A charge of this payment was refunded at the gateway (charge.refunded): the refunds made outside the platform (in Stripe's
/// dashboard, without a key of ours) reach the order and the ledger like one made by it, once each.
/// </summary>
internal sealed record RecordChargeRefunded(string Gateway, string EventId, string PaymentReference) : IRequest<bool>;

/// <summary>A dispute of this payment was opened (closed false) or closed (won or lost), once per gateway event.</summary>
internal sealed record RecordDispute(string Gateway, string EventId, string PaymentReference, string DisputeId, Money Amount, bool Closed,
    bool Won) : IRequest<bool>;

internal sealed class RecordGatewayEventsHandler(IOrdersStore store, IPaymentGateway gateway, TimeProvider clock,
    ILogger<RecordGatewayEventsHandler> logger) : IRequestHandler<RecordChargeRefunded, bool>, IRequestHandler<RecordDispute, bool>
{
    public async Task<bool> Handle(RecordChargeRefunded cmd, CancellationToken ct)
    {
        if (await OrderOfAsync(cmd.PaymentReference, ct) is not { } orderId) return false;
        var outside = (await gateway.ListRefundsAsync(cmd.PaymentReference, ct)).Where(r => r.Key is null && r.Status != "failed").ToList();
        return await OnceAsync(cmd.Gateway, cmd.EventId, orderId,
            order => order.RecordOutsideRefunds(cmd.Gateway, outside.Select(r => (r.Id, r.Amount)).ToList(), clock.GetUtcNow()), ct);
    }

    public async Task<bool> Handle(RecordDispute cmd, CancellationToken ct)
    {
        if (await OrderOfAsync(cmd.PaymentReference, ct) is not { } orderId) return false;
        var now = clock.GetUtcNow();
        return await OnceAsync(cmd.Gateway, cmd.EventId, orderId, order => cmd.Closed
            ? order.CloseDispute(cmd.DisputeId, cmd.Won, cmd.Amount, now)
            : order.RecordDispute(cmd.DisputeId, cmd.Amount, now), ct);
    }

    /// <summary>The order whose payment this is (a stray payment has none: its refund is ours, recorded already).</summary>
    private async Task<Guid?> OrderOfAsync(string reference, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var id = await session.Query<Order>().Where(o => o.Payment.Reference == reference).Select(o => o.Id).FirstOrDefaultAsync(ct);
        if (id == Guid.Empty) logger.LogInformation("Gateway event for payment {Reference}, which no order keeps: nothing to record", reference);
        return id == Guid.Empty ? null : id;
    }

    private async Task<bool> OnceAsync(string gateway, string eventId, Guid orderId, Func<Order, IReadOnlyList<IDomainEvent>> decide,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.ProcessOnceAsync($"{gateway}-event:{eventId}", clock,
                    async session => await OrderStreams.DecideAsync(session, orderId, decide, ct), ct);
            }
            catch (Exception e) when (e.IsConcurrencyConflict() && attempt < 8)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }
}
