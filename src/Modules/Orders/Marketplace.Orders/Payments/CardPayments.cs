using System.Globalization;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Domain;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Orders.Payments;

/// <summary>The steps of a card payment that talk to the gateway, each safe to repeat (idempotency keys per order and refund).</summary>
internal sealed class CardPayments(IOrdersStore store, IPaymentGateway gateway, SiteAddress site, TimeProvider clock,
    IOptions<OrdersOptions> options, ILogger<CardPayments> logger)
{
    /// <summary>A hosted page lives at least this long at the provider (Stripe refuses less); the order's own window still decides.</summary>
    private static readonly TimeSpan ShortestPage = TimeSpan.FromMinutes(31);

    public static string PaymentKey(Guid orderId) => $"order-{orderId:N}-payment";
    public static string CheckoutKey(Guid orderId, int attempt) => $"order-{orderId:N}-checkout-{attempt}";
    public static string RefundKey(Guid orderId, string key) => $"order-{orderId:N}-refund-{key}";

    /// <summary>
    /// A card order waiting for its payment has its first attempt: a PaymentIntent with a client secret (API clients), or a
    /// hosted payment page (the website), in <paramref name="language"/>.
    /// </summary>
    public async Task<Order> EnsureRequestedAsync(Order order, string language, CancellationToken ct)
    {
        if (order.Method != PaymentMethod.Card || order.Status != OrderStatus.PendingPayment || order.Payment.Reference is not null)
            return order;
        var request = await RefusedAsConflict(() => order.Payment.Flow == CardFlows.Hosted
            ? gateway.OpenHostedPaymentAsync(Hosted(order, language, attempt: 1), ct)
            : gateway.RequestPaymentAsync(order.Id, order.Number, order.Total, PaymentKey(order.Id), ct));
        return await store.UpdateAsync(order.Id, o => o.RequestPayment(gateway.Name, request.Reference, request.ClientSecret,
            clock.GetUtcNow(), request.CheckoutUrl), ct);
    }

    /// <summary>A fresh hosted payment page for an unpaid order, once the open attempt is stopped at the provider.</summary>
    public async Task<Order> OpenNewAttemptAsync(Order order, string language, CancellationToken ct)
    {
        var attempt = order.Payment.Attempt + 1;
        var request = await RefusedAsConflict(() => gateway.OpenHostedPaymentAsync(Hosted(order, language, attempt), ct));
        return await store.UpdateAsync(order.Id, o => o.RequestNewAttempt(attempt, gateway.Name, request.Reference, request.CheckoutUrl,
            clock.GetUtcNow()), ct);
    }

    private HostedPaymentRequest Hosted(Order order, string language, int attempt)
    {
        var now = clock.GetUtcNow();
        var due = order.PaymentDueBy ?? now + options.Value.PaymentTimeout;
        return new HostedPaymentRequest(order.Id, order.Number, order.Total, HostedLines.Of(order, language),
            due > now + ShortestPage ? due : now + ShortestPage, site.OrderPage(order.Id, "done"), site.OrderPage(order.Id, "cancelled"),
            language, attempt, CheckoutKey(order.Id, attempt));
    }

    private static async Task<PaymentRequest> RefusedAsConflict(Func<Task<PaymentRequest>> call)
    {
        try { return await call(); }
        catch (PaymentGatewayRefused refused)
        {
            throw new DomainRuleViolated("payment_refused", $"The card payment service refused this payment ({refused.Message}); choose cash on delivery.");
        }
    }

    /// <summary>
    /// Before an unpaid card order is cancelled, its payment is made impossible at the gateway. Answers null when there
    /// was nothing to stop (or it is stopped), else where it stands: succeeded (paid meanwhile: the caller records it as a
    /// webhook would) or processing (not decided yet).
    /// </summary>
    public async Task<GatewayPayment?> StopPaymentAsync(Order order, CancellationToken ct)
    {
        if (order.Method != PaymentMethod.Card || order.Payment.Reference is null) return null;
        var payment = await gateway.CancelPaymentAsync(order.Payment.Reference, ct);
        return payment.Canceled ? null : payment;
    }

    /// <summary>Issues the refunds the order owes whose time has come, once each (the refund's key is its idempotency key).</summary>
    public async Task<Order> IssueRefundsAsync(Order order, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var refund in order.Payment.Refunds.Where(r => r.Status == RefundStatus.Due && (r.NextAttemptAt ?? now) <= now).ToList())
        {
            IReadOnlyList<IDomainEvent> Outcome(Order o, string? issued, string? error, bool permanent) => issued is not null
                ? o.RecordRefund(refund.Key, gateway.Name, issued, clock.GetUtcNow())
                : o.RecordRefundFailure(refund.Key, error!, permanent ? null : clock.GetUtcNow() + Backoff(refund.Attempts), clock.GetUtcNow());
            var (reference, failure, permanent) = await TryRefundAsync(refund.PaymentReference, refund.Amount, order.Id,
                RefundKey(order.Id, refund.Key), ct);
            if (failure is not null)
                logger.LogWarning("The refund {Key} of order {Number} was not issued ({Error}); {Next}", refund.Key, order.Number, failure,
                    permanent ? "administrators are shown it" : "it is tried again later");
            order = await store.UpdateAsync(order.Id, o => Outcome(o, reference, failure, permanent), ct);
        }
        return order;
    }

    /// <summary>Money no order keeps goes back to the card (keyed by the payment: issued once).</summary>
    public async Task RefundStrayAsync(StrayPayment stray, CancellationToken ct)
    {
        var (reference, failure, permanent) = await TryRefundAsync(stray.Id, stray.Amount, stray.OrderId, StrayPayment.RefundKey(stray.Id), ct);
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        if (reference is not null)
        {
            stray.RefundStatus = RefundStatus.Issued;
            stray.RefundReference = reference;
            stray.RefundedAt = now;
        }
        else
        {
            stray.Attempts++;
            stray.LastError = failure;
            stray.RefundStatus = permanent ? RefundStatus.Blocked : RefundStatus.Due;
            stray.NextAttemptAt = permanent ? null : now + Backoff(stray.Attempts - 1);
            logger.LogWarning("The refund of stray payment {Reference} was not issued ({Error})", stray.Id, failure);
        }
        session.Store(stray);
        await session.SaveChangesAsync(ct);
    }

    private async Task<(string? Reference, string? Failure, bool Permanent)> TryRefundAsync(string payment, Money amount, Guid orderId,
        string key, CancellationToken ct)
    {
        try
        {
            return (await gateway.RefundAsync(payment, amount, orderId, key, ct), null, false);
        }
        catch (DependencyUnavailable)
        {
            return (null, "the card payment service did not answer", false);
        }
        catch (PaymentGatewayRefused refused)
        {
            return (null, $"{refused.Code}: {refused.Message}", true);
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var delays = options.Value.RefundRetrySeconds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return TimeSpan.FromSeconds(delays[Math.Clamp(attempts, 0, delays.Length - 1)]);
    }
}
