using Marketplace.Orders.Contracts;
using MediatR;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// Card money administrators must see: payments refunded because no order keeps them (another amount, a second payment,
/// an order cancelled or unknown) and refunds the card network refused for good (to settle by hand).
/// </summary>
public sealed class PaymentsModel(IMediator mediator) : AdminPage
{
    public PaymentProblems Problems { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Problems = await mediator.Send(new GetPaymentProblems(), ct);
}
