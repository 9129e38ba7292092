using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Orders.Payments;

/// <summary>
/// What a gateway told us about a payment (a verified webhook, or the answer to our own question before an order expires
/// or is cancelled), whatever the gateway. Handled once per gateway event id, whatever the number of deliveries and their
/// order. Money that no order keeps (<see cref="PaymentDecision.Stray"/>) is recorded and refunded at once.
/// </summary>
/// <param name="Succeeded">true: the money was taken (its amount is checked); false: an attempt failed (the order stays payable).</param>
internal sealed record RecordPaymentOutcome(string Gateway, string EventId, Guid OrderId, string Reference, bool Succeeded, Money? Amount,
    string? FailureReason) : IRequest<bool>
{
    /// <summary>What the gateway answered when asked (not a webhook): keyed by the payment, so it counts once too.</summary>
    public static RecordPaymentOutcome Checked(GatewayPayment payment, Guid orderId) =>
        new("stripe", $"checked:{payment.Reference}", orderId, payment.Reference, true, payment.AmountReceived, null);
}

internal sealed class RecordPaymentOutcomeHandler(IOrdersStore store, CardPayments payments, TimeProvider clock,
    ILogger<RecordPaymentOutcomeHandler> logger) : IRequestHandler<RecordPaymentOutcome, bool>
{
    public async Task<bool> Handle(RecordPaymentOutcome cmd, CancellationToken ct)
    {
        var known = await store.LoadOrderAsync(cmd.OrderId, ct);
        if (known is null && !cmd.Succeeded)
        {
            logger.LogWarning("{Gateway} event {EventId} names order {OrderId}, which does not exist: ignored", cmd.Gateway, cmd.EventId, cmd.OrderId);
            return false;
        }
        StrayPayment? stray = null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var handled = await store.ProcessOnceAsync($"{cmd.Gateway}-event:{cmd.EventId}", clock, async session =>
                {
                    var now = clock.GetUtcNow();
                    stray = null;
                    string? strayReason = known is null ? "unknown_order" : null;
                    if (known is not null)
                        await OrderStreams.DecideAsync(session, cmd.OrderId, order =>
                        {
                            if (!cmd.Succeeded) return order.RecordPaymentFailure(cmd.Reference, cmd.FailureReason ?? "payment_failed", now);
                            var decision = order.ConfirmPayment(cmd.Gateway, cmd.Reference, cmd.Amount!, now);
                            strayReason = decision.Stray;
                            return decision.Events;
                        }, ct);
                    if (strayReason is null || await session.LoadAsync<StrayPayment>(cmd.Reference, ct) is not null) return;
                    session.Insert(stray = new StrayPayment
                    {
                        Id = cmd.Reference, Gateway = cmd.Gateway, OrderId = cmd.OrderId, OrderNumber = known?.Number, Amount = cmd.Amount!,
                        Reason = strayReason, ReceivedAt = now, RefundStatus = RefundStatus.Due,
                    });
                    logger.LogWarning("{Gateway} payment {Reference} of {Amount} for order {OrderId} is not the order's ({Reason}): it is refunded",
                        cmd.Gateway, cmd.Reference, cmd.Amount, cmd.OrderId, strayReason);
                }, ct);
                if (stray is not null) await payments.RefundStrayAsync(stray, ct); // at once; the refunds job completes it when it fails
                return handled;
            }
            catch (Exception e) when (e.IsConcurrencyConflict() && attempt < 8)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct); // another delivery or change of this order went first
            }
        }
    }
}
