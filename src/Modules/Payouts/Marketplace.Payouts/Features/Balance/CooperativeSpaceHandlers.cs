using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Contracts;
using Marketplace.Payouts.Features.Payouts;
using MediatR;

namespace Marketplace.Payouts.Features.Balance;

// The cooperative space's requests (Contracts/CooperativeBalance.cs): the module's own queries (GetBalance, GetLedger,
// GetStatement, ListPayouts) behind the same access rule as the HTTP API, answered in the Contracts' shapes.

internal sealed class CooperativeSpaceHandlers(IMediator mediator) :
    IRequestHandler<GetCooperativeBalance, CooperativeBalance>,
    IRequestHandler<GetCooperativeLedger, CooperativeLedgerPage>,
    IRequestHandler<GetCooperativeStatement, CooperativeStatement>,
    IRequestHandler<ListCooperativePayouts, CooperativePayoutPage>
{
    public async Task<CooperativeBalance> Handle(GetCooperativeBalance query, CancellationToken ct)
    {
        await mediator.EnsureCanSeeAsync(query.CooperativeId, query.ViewerId, query.ViewerIsAdmin, ct);
        var b = await mediator.Send(new GetBalance(query.CooperativeId), ct);
        return new CooperativeBalance(b.Available.Amount, b.Pending.Amount, b.OwedToPlatform.Amount, b.Payable.Amount, b.Available.Currency,
            b.UpdatedAt, b.Held.Amount);
    }

    public async Task<CooperativeLedgerPage> Handle(GetCooperativeLedger query, CancellationToken ct)
    {
        var paging = PageRequest.From(query.Page, query.PageSize);
        await mediator.EnsureCanSeeAsync(query.CooperativeId, query.ViewerId, query.ViewerIsAdmin, ct);
        var page = await mediator.Send(new GetLedger(query.CooperativeId, paging, query.From, query.To), ct);
        return new CooperativeLedgerPage(page.Items.Select(e => new CooperativeLedgerEntry(e.At, e.Kind, GetStatementHandler.AccountName(e.Account),
            e.Reference, e.Amount.Amount, e.BalanceAfter.Amount, e.Amount.Currency)).ToList(), page.Total, page.Page, page.PageSize);
    }

    public async Task<CooperativeStatement> Handle(GetCooperativeStatement query, CancellationToken ct)
    {
        if (query.Year is < 2000 or > 9999 || query.Month is < 1 or > 12)
            throw new ValidationFailed("month", "A month is written yyyy-MM, such as 2026-11.");
        await mediator.EnsureCanSeeAsync(query.CooperativeId, query.ViewerId, query.ViewerIsAdmin, ct);
        var csv = await mediator.Send(new GetStatement(query.CooperativeId, query.Year, query.Month, query.Language), ct);
        return new CooperativeStatement(csv, "text/csv; charset=utf-8", $"statement-{query.Year:D4}-{query.Month:D2}.csv");
    }

    public async Task<CooperativePayoutPage> Handle(ListCooperativePayouts query, CancellationToken ct)
    {
        var paging = PageRequest.From(query.Page, query.PageSize);
        await mediator.EnsureCanSeeAsync(query.CooperativeId, query.ViewerId, query.ViewerIsAdmin, ct);
        var page = await mediator.Send(new ListPayouts(paging, CooperativeId: query.CooperativeId), ct);
        return new CooperativePayoutPage(page.Items.Select(p => new CooperativePayout(p.Id, p.Reference, p.Amount.Amount, p.Amount.Currency,
            Snake(p.Method.ToString()), Snake(p.Status.ToString()), p.PeriodEnd, p.CreatedAt, p.SentAt, p.PaidAt, p.FailureReason)).ToList(),
            page.Total, page.Page, page.PageSize);
    }

    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
