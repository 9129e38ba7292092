using Marketplace.BuildingBlocks;

namespace Marketplace.Orders.Payments;

/// <summary>
/// A card payment gateway (Stripe today; the national switch, CMI, is the likely next one). Every call that
/// creates something carries an idempotency key, so a retry after a crash never charges or refunds twice. A call that
/// could not be made now throws <see cref="DependencyUnavailable"/> (tried again later); one the gateway refuses for good
/// throws <see cref="PaymentGatewayRefused"/> (recorded, shown to administrators, never retried as it is).
/// </summary>
internal interface IPaymentGateway
{
    /// <summary>"stripe": recorded with each payment.</summary>
    string Name { get; }

    /// <summary>False when it has no keys: card payments are then refused and cash on delivery goes on.</summary>
    bool IsConfigured { get; }

    Task<PaymentRequest> RequestPaymentAsync(Guid orderId, string orderNumber, Money amount, string idempotencyKey, CancellationToken ct);

    /// <summary>A hosted payment page for the order, a new one per attempt: its reference and the URL to send the shopper to.</summary>
    Task<PaymentRequest> OpenHostedPaymentAsync(HostedPaymentRequest request, CancellationToken ct);

    /// <summary>Where a payment stands at the gateway.</summary>
    Task<GatewayPayment> GetPaymentAsync(string reference, CancellationToken ct);

    /// <summary>Makes a payment impossible (an expired or cancelled order), and answers where it stands: canceled, or
    /// succeeded (or processing) when it was too late.</summary>
    Task<GatewayPayment> CancelPaymentAsync(string reference, CancellationToken ct);

    /// <summary>Refunds part or all of a payment; the idempotency key is also kept with the refund (ours, when listed).</summary>
    Task<string> RefundAsync(string reference, Money amount, Guid orderId, string idempotencyKey, CancellationToken ct);

    /// <summary>The refunds of a payment at the gateway, ours (with their key) and those made outside the platform (no key).</summary>
    Task<IReadOnlyList<GatewayRefund>> ListRefundsAsync(string reference, CancellationToken ct);
}

internal sealed record GatewayRefund(string Id, Money Amount, string? Key, string Status);

/// <param name="Reference">the gateway's id of the attempt (a PaymentIntent pi_..., a Checkout Session cs_...).</param>
/// <param name="ClientSecret">what an API client needs to confirm a PaymentIntent.</param>
/// <param name="CheckoutUrl">the provider's hosted payment page (hosted flow).</param>
internal sealed record PaymentRequest(string Reference, string? ClientSecret, string? CheckoutUrl = null);

/// <summary>What a hosted payment page shows and where it sends the shopper back: one line per item, one per delivery fee.</summary>
internal sealed record HostedPaymentRequest(Guid OrderId, string OrderNumber, Money Total, IReadOnlyList<HostedLine> Lines,
    DateTimeOffset ExpiresAt, string SuccessUrl, string CancelUrl, string Language, int Attempt, string IdempotencyKey);

internal sealed record HostedLine(string Name, int Quantity, Money UnitPrice);

/// <param name="Status">the gateway's word: "succeeded", "processing", "canceled", "requires_payment_method"...</param>
/// <param name="AmountReceived">what was taken, when it succeeded.</param>
internal sealed record GatewayPayment(string Reference, string Status, Money? AmountReceived)
{
    public bool Succeeded => Status == "succeeded";
    public bool Canceled => Status == "canceled";
}

/// <summary>The gateway refused the call for good (already refunded, amount too small, unknown payment...).</summary>
internal sealed class PaymentGatewayRefused(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

internal static class PaymentGatewayErrors
{
    /// <summary>The gateway could not be reached or could not answer now: nothing was recorded, the same request may be retried (503).</summary>
    public static DependencyUnavailable Unreachable() =>
        new("The card payment service did not answer; try again in a moment.", TimeSpan.FromSeconds(10));

    /// <summary>The gateway holds the payment in a state that we cannot change now (409).</summary>
    public static DomainRuleViolated NotCancellable(string reference, string status) =>
        new("payment_not_cancellable", $"The card payment {reference} is {status} at the gateway and cannot be stopped now; try again later.");
}
