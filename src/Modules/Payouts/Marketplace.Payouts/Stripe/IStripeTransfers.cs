using Marketplace.BuildingBlocks;

namespace Marketplace.Payouts.Stripe;

/// <summary>A transfer to make to a cooperative's connected account; <see cref="PayoutId"/> is the idempotency key.</summary>
internal sealed record TransferRequest(Guid PayoutId, string Destination, Money Amount, string Reference, int Attempt = 0);

/// <summary>What became of a transfer: made (<see cref="TransferId"/>), or refused for good (<see cref="Refusal"/>).</summary>
internal sealed record TransferOutcome(string? TransferId, string? Refusal)
{
    public static TransferOutcome Made(string transferId) => new(transferId, null);
    public static TransferOutcome Refused(string reason) => new(null, reason);
}

/// <summary>A transfer as the gateway lists it; <see cref="Amount"/> is what the cooperative kept (reversals deducted).</summary>
/// <param name="PayoutId">from the transfer's metadata, when it was made by this platform.</param>
internal sealed record GatewayTransfer(string Id, Money Amount, string Destination, Guid? PayoutId, DateTimeOffset Created);

/// <summary>The gateway could not be reached or answered a temporary error: try again later.</summary>
internal sealed class TransferGatewayUnavailable(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Transfers to cooperatives' connected accounts (Stripe Connect through Stripe.net), behind an interface so that
/// another rail can take its place. Transient failures throw <see cref="TransferGatewayUnavailable"/>.
/// </summary>
internal interface IStripeTransfers
{
    bool IsConfigured { get; }
    Task<TransferOutcome> TransferAsync(TransferRequest request, CancellationToken ct);
    Task<IReadOnlyList<GatewayTransfer>> ListTransfersAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct);
}
