using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Contracts;
using Marketplace.BuildingBlocks;
using MediatR;

namespace Marketplace.Host.Pages.Admin;

/// <summary>The programme team's home: cooperatives waiting for them, and every task of the administration.</summary>
public sealed class IndexModel(IMediator mediator, OutboxAdministration outbox) : AdminPage
{
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    /// <summary>Payouts waiting for the administrator: bank transfers to send, transfers sent that no statement shows yet.</summary>
    public long ToSend { get; private set; }
    public long NotInStatements { get; private set; }
    /// <summary>Integration events that a module has not taken (parked, retrying or waiting behind one).</summary>
    public long Undelivered { get; private set; }
    /// <summary>Refunds refused for good, and stray payments whose refund is not issued yet.</summary>
    public long PaymentProblems { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = (await mediator.Send(new ListCooperativesForAdmin(Lang, CooperativeStatus.Pending, PageSize: 1), ct)).CountsByStatus;
        ToSend = (await mediator.Send(new ListPayoutsForAdmin("pending", PageSize: 1), ct)).Total;
        NotInStatements = (await mediator.Send(new GetReconciliationForAdmin(), ct)).UnmatchedPayouts.Count;
        Undelivered = (await outbox.ListAsync(ct)).Count;
        var payments = await mediator.Send(new GetPaymentProblems(), ct);
        PaymentProblems = payments.BlockedRefunds.Count + payments.StrayPayments.Count(s => s.RefundStatus != "issued");
    }
}
