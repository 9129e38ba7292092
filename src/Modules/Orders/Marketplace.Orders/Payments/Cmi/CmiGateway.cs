using Marketplace.BuildingBlocks;
using Microsoft.Extensions.Options;

namespace Marketplace.Orders.Payments.Cmi;

/// <summary>
/// CMI, Morocco's interbank card network, behind the same interface: its payment page is reached by a form that our page
/// <c>/orders/{id}/pay</c> posts to the gateway (<see cref="CmiForm"/>), and CMI tells us the outcome on the callback
/// (<see cref="CmiCallbackEndpoint"/>). There is nothing to create or cancel at CMI beforehand; refunds are made by hand in
/// CMI's back office: a refund owed is refused here for good, so that administrators see it with its amount and reference.
/// </summary>
internal sealed class CmiGateway(IOptions<CmiOptions> options, SiteAddress site) : IPaymentGateway
{
    public string Name => "cmi";
    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>API clients get the same hosted page (CMI has no client-side confirmation).</summary>
    public Task<PaymentRequest> RequestPaymentAsync(Guid orderId, string orderNumber, Money amount, string idempotencyKey, CancellationToken ct) =>
        Task.FromResult(Page(orderId, orderNumber, 1));

    public Task<PaymentRequest> OpenHostedPaymentAsync(HostedPaymentRequest request, CancellationToken ct) =>
        Task.FromResult(Page(request.OrderId, request.OrderNumber, request.Attempt));

    public Task<GatewayPayment> GetPaymentAsync(string reference, CancellationToken ct) =>
        Task.FromResult(new GatewayPayment(reference, "canceled", null)); // what CMI took, it says on the callback

    public Task<GatewayPayment> CancelPaymentAsync(string reference, CancellationToken ct) =>
        Task.FromResult(new GatewayPayment(reference, "canceled", null)); // a pre-authorisation nobody confirmed is never captured

    public Task<string> RefundAsync(string reference, Money amount, Guid orderId, string idempotencyKey, CancellationToken ct) =>
        throw new PaymentGatewayRefused("manual_refund", $"CMI refunds are made by hand in CMI's back office: refund {amount} of transaction {reference} there.");

    public Task<IReadOnlyList<GatewayRefund>> ListRefundsAsync(string reference, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<GatewayRefund>>([]);

    private PaymentRequest Page(Guid orderId, string orderNumber, int attempt) =>
        new($"cmi-{orderNumber}-{attempt}", null, $"{site.OrderPage(orderId)}/pay");
}
