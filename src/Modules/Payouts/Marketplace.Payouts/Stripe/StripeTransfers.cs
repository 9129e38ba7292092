using System.Net;
using Marketplace.BuildingBlocks;
using Microsoft.Extensions.Options;
using Stripe;

namespace Marketplace.Payouts.Stripe;

/// <summary>Marketplace:Stripe (API.md): without a secret key, Stripe Connect payouts are off.</summary>
internal sealed class PayoutsStripeOptions
{
    public const string Section = "Marketplace:Stripe";
    public string? SecretKey { get; set; }
    /// <summary>Stripe's API base URL; tests point it at a local fake.</summary>
    public string? ApiBase { get; set; }
}

/// <summary>Stripe Connect transfers through Stripe.net: amounts in centimes, the payout id as idempotency key.</summary>
internal sealed class StripeTransfers : IStripeTransfers
{
    private readonly PayoutsStripeOptions options;
    private readonly Lazy<StripeClient> client;

    public StripeTransfers(IOptions<PayoutsStripeOptions> options, IHttpClientFactory http)
    {
        this.options = options.Value;
        client = new Lazy<StripeClient>(() => new StripeClient(new StripeClientOptions
        {
            ApiKey = this.options.SecretKey,
            ApiBase = string.IsNullOrWhiteSpace(this.options.ApiBase) ? null : this.options.ApiBase.TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(http.CreateClient("stripe-payouts"), maxNetworkRetries: 0), // Hangfire retries
        }));
    }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.SecretKey);

    public async Task<TransferOutcome> TransferAsync(TransferRequest request, CancellationToken ct)
    {
        if (await MadeAlreadyAsync(request, ct) is { } earlier) return TransferOutcome.Made(earlier);
        try
        {
            var transfer = await client.Value.V1.Transfers.CreateAsync(new TransferCreateOptions
            {
                Amount = request.Amount.ToMinorUnits(),
                Currency = request.Amount.Currency.ToLowerInvariant(),
                Destination = request.Destination,
                Description = $"Payout {request.Reference}",
                TransferGroup = request.Reference,
                Metadata = new Dictionary<string, string> { ["payoutId"] = request.PayoutId.ToString(), ["reference"] = request.Reference },
            }, new RequestOptions { IdempotencyKey = request.Attempt == 0 ? $"payout-{request.PayoutId}" : $"payout-{request.PayoutId}-{request.Attempt}" }, ct);
            return TransferOutcome.Made(transfer.Id);
        }
        catch (StripeException e) when (!IsTransient(e))
        {
            return TransferOutcome.Refused($"Stripe refused the transfer: {e.StripeError?.Code ?? e.StripeError?.Type ?? "error"}"
                + (string.IsNullOrWhiteSpace(e.StripeError?.Message) ? "" : $" ({e.StripeError!.Message})"));
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new TransferGatewayUnavailable($"Stripe could not make the transfer of payout {request.Reference} now.", e);
        }
    }

    /// <summary>
    /// The transfer of this payout if Stripe made it already: an answer lost, then a retry after Stripe forgot the
    /// idempotency key (24 hours on). Any error here is transient: it says nothing of the transfer.
    /// </summary>
    private async Task<string?> MadeAlreadyAsync(TransferRequest request, CancellationToken ct)
    {
        try
        {
            var made = await client.Value.V1.Transfers.ListAsync(new TransferListOptions { TransferGroup = request.Reference, Limit = 10 },
                null, ct);
            return made.Data.FirstOrDefault(t => t.Metadata?.GetValueOrDefault("payoutId") == request.PayoutId.ToString()
                && t.AmountReversed == 0)?.Id; // a transfer reversed since does not count as made
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new TransferGatewayUnavailable($"Stripe's transfers of payout {request.Reference} could not be read now.", e);
        }
    }

    public async Task<IReadOnlyList<GatewayTransfer>> ListTransfersAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        try
        {
            var transfers = new List<GatewayTransfer>();
            var list = client.Value.V1.Transfers.ListAutoPagingAsync(new TransferListOptions
            {
                Created = new DateRangeOptions { GreaterThanOrEqual = from.UtcDateTime, LessThan = to.UtcDateTime },
                Limit = 100,
            }, null, ct);
            await foreach (var t in list.WithCancellation(ct))
                transfers.Add(new GatewayTransfer(t.Id, Money.FromMinorUnits(t.Amount - t.AmountReversed, t.Currency.ToUpperInvariant()), t.DestinationId,
                    t.Metadata is not null && t.Metadata.TryGetValue("payoutId", out var id) && Guid.TryParse(id, out var payoutId) ? payoutId : null,
                    new DateTimeOffset(DateTime.SpecifyKind(t.Created, DateTimeKind.Utc))));
            return transfers;
        }
        catch (Exception e) when (e is StripeException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new TransferGatewayUnavailable("Stripe's list of transfers could not be read now.", e);
        }
    }

    /// <summary>
    /// Worth trying again: Stripe unreachable or overloaded, an error on its side, or an answer that says nothing of the
    /// transfer itself (another request with the same idempotency key in flight: 409 idempotency_error). Only a refusal of
    /// the transfer fails the payout: an ambiguous answer must never give the money back while Stripe may have paid it.
    /// A short platform balance (balance_insufficient) is a refusal: Stripe keeps that answer for the idempotency key for
    /// 24 hours, so the payout fails with its reason and its money is paid in the next period.
    /// </summary>
    internal static bool IsTransient(StripeException e) =>
        e.HttpStatusCode is 0 or HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests or HttpStatusCode.Unauthorized
            or >= HttpStatusCode.InternalServerError
        || e.StripeError?.Type is null or "api_error" or "rate_limit_error" or "api_connection_error" or "authentication_error" or "idempotency_error"
        || e.StripeError?.Code is "lock_timeout" or "rate_limit";
}
