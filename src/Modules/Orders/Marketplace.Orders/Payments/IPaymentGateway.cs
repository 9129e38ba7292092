using Marketplace.BuildingBlocks;

namespace Marketplace.Orders.Payments;

/// <summary>
/// A card payment gateway (Stripe today; the national switch, CMI, is the likely next one). Every call that
/// creates something carries an idempotency key, so a retry after a crash never charges or refunds twice.
/// </summary>
internal interface IPaymentGateway
{
    /// <summary>"stripe": recorded with each payment.</summary>
    string Name { get; }

    /// <summary>False when it has no keys: card payments are then refused and cash on delivery goes on.</summary>
    bool IsConfigured { get; }

    Task<PaymentRequest> RequestPaymentAsync(Guid orderId, string orderNumber, Money amount, string idempotencyKey, CancellationToken ct);

    /// <summary>Makes a payment impossible (an expired or cancelled order). False when it was already paid.</summary>
    Task<bool> CancelPaymentAsync(string reference, CancellationToken ct);

    Task<string> RefundAsync(string reference, Money amount, Guid orderId, string idempotencyKey, CancellationToken ct);
}

/// <param name="Reference">the gateway's id of the payment (a PaymentIntent id, pi_...).</param>
/// <param name="ClientSecret">what the shopper's browser needs to pay.</param>
internal sealed record PaymentRequest(string Reference, string? ClientSecret);

internal static class PaymentGatewayErrors
{
    /// <summary>The gateway could not be reached or refused the call: nothing was recorded, the same request may be retried (503).</summary>
    public static DependencyUnavailable Unreachable() =>
        new("The card payment service did not answer; try again in a moment.", TimeSpan.FromSeconds(10));

    /// <summary>The gateway holds the payment in a state that we cannot change now (409).</summary>
    public static DomainRuleViolated NotCancellable(string reference, string status) =>
        new("payment_not_cancellable", $"The card payment {reference} is {status} at the gateway and cannot be stopped now; try again later.");
}
