using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Orders.Payments;

/// <summary>
/// What a gateway told us about a payment (from a verified webhook), whatever the gateway. Handled once per
/// gateway event id, whatever the number of deliveries and their order.
/// </summary>
/// <param name="Succeeded">true: the money was taken (its amount is checked); false: an attempt failed (the order stays payable).</param>
internal sealed record RecordPaymentOutcome(string Gateway, string EventId, Guid OrderId, string Reference, bool Succeeded, Money? Amount,
    string? FailureReason) : IRequest<bool>;

internal sealed class RecordPaymentOutcomeHandler(IOrdersStore store, TimeProvider clock, ILogger<RecordPaymentOutcomeHandler> logger)
    : IRequestHandler<RecordPaymentOutcome, bool>
{
    public async Task<bool> Handle(RecordPaymentOutcome cmd, CancellationToken ct)
    {
        if (await store.LoadOrderAsync(cmd.OrderId, ct) is null)
        {
            logger.LogWarning("{Gateway} event {EventId} names order {OrderId}, which does not exist: ignored", cmd.Gateway, cmd.EventId, cmd.OrderId);
            return false;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await store.ProcessOnceAsync($"{cmd.Gateway}-event:{cmd.EventId}", clock, async session =>
                {
                    var now = clock.GetUtcNow();
                    await OrderStreams.DecideAsync(session, cmd.OrderId, order => cmd.Succeeded
                        ? order.ConfirmPayment(cmd.Gateway, cmd.Reference, cmd.Amount!, now)
                        : order.RecordPaymentFailure(cmd.Reference, cmd.FailureReason ?? "payment_failed", now), ct);
                }, ct);
            }
            catch (Exception e) when (e.IsConcurrencyConflict() && attempt < 8)
            {
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct); // another delivery or change of this order went first
            }
        }
    }
}
