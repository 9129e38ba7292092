using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Contracts;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Features.Batches;
using Marketplace.Payouts.Features.Commission;
using Marketplace.Payouts.Features.Payouts;
using Marketplace.Payouts.Features.Runs;
using Marketplace.Payouts.Reconciliation;
using Marten;
using Marten.Pagination;
using MediatR;

namespace Marketplace.Payouts.Integration;

// What the administration pages ask of Payouts (Marketplace.Payouts.Contracts/AdminPayouts.cs): each is answered by the
// module's own feature (the same one as its /api/admin route, with its validator), its answer translated for the contract.

internal sealed class ListPayoutsForAdminValidator : AbstractValidator<ListPayoutsForAdmin>
{
    public ListPayoutsForAdminValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null || AdminPayouts.ParseStatus(s) is not null)
            .WithMessage(PayoutStatuses.Help);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class AdminPayoutQueries(IMediator mediator, IPayoutsStore store) :
    IRequestHandler<GetCommissionRatesForAdmin, AdminCommissionRates>,
    IRequestHandler<ChangeCommissionRates, CommissionRatesVersion>,
    IRequestHandler<RunPayoutsForPeriod, AdminPayoutRun>,
    IRequestHandler<GetPayoutRunForAdmin, AdminPayoutRun>,
    IRequestHandler<ListPayoutRunsForAdmin, AdminPayoutRunPage>,
    IRequestHandler<ListPayoutsForAdmin, AdminPayoutPage>,
    IRequestHandler<CreateBankBatchForAdmin, AdminBankBatch>,
    IRequestHandler<ListBankBatchesForAdmin, AdminBankBatchPage>,
    IRequestHandler<GetBankBatchFileForAdmin, AdminBankBatchFile>,
    IRequestHandler<ReissuePayoutByAdmin, AdminPayout>,
    IRequestHandler<MarkPayoutSentByAdmin, AdminPayout>,
    IRequestHandler<MarkPayoutFailedByAdmin, AdminPayout>
{
    public async Task<AdminCommissionRates> Handle(GetCommissionRatesForAdmin query, CancellationToken ct)
    {
        var rates = await mediator.Send(new GetCommissionRates(), ct);
        return new AdminCommissionRates(rates.DefaultRate, rates.CategoryRates, rates.EffectiveFrom, rates.History.Select(Version).ToList());
    }

    public async Task<CommissionRatesVersion> Handle(ChangeCommissionRates cmd, CancellationToken ct) =>
        Version(await mediator.Send(new SetCommissionRates(cmd.DefaultRate, cmd.CategoryRates, cmd.AdminId), ct));

    public async Task<AdminPayoutRun> Handle(RunPayoutsForPeriod cmd, CancellationToken ct)
    {
        var result = await mediator.Send(new RunPayouts(cmd.PeriodEnd, cmd.AdminId), ct);
        return await Handle(new GetPayoutRunForAdmin(result.Id), ct);
    }

    public async Task<AdminPayoutRun> Handle(GetPayoutRunForAdmin query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var run = await session.LoadAsync<PayoutRun>(query.RunId, ct) ?? throw new NotFound("The payout run");
        var payouts = (await session.Query<Payout>().Where(p => p.Period == run.Period).ToListAsync(ct)).OrderBy(p => p.Reference);
        return new AdminPayoutRun(run.Id, run.Period, run.At, run.By, run.Created, payouts.Select(p => AdminPayouts.Of(PayoutView.Of(p))).ToList(),
            run.Held.Select(h => new HeldCooperative(h.CooperativeId, h.Amount.Amount, h.Amount.Currency, h.Reason)).ToList());
    }

    public async Task<AdminPayoutRunPage> Handle(ListPayoutRunsForAdmin query, CancellationToken ct)
    {
        var paging = new PageRequest(query.Page, query.PageSize);
        await using var session = store.QuerySession();
        var page = await session.Query<PayoutRun>().OrderByDescending(r => r.At).ToPagedListAsync(paging.Page, paging.PageSize, ct);
        return new AdminPayoutRunPage(page.Select(r => new AdminPayoutRunItem(r.Id, r.Period, r.At, r.By, r.Created.Count, r.Held.Count)).ToList(),
            page.TotalItemCount, paging.Page, paging.PageSize);
    }

    public async Task<AdminPayoutPage> Handle(ListPayoutsForAdmin query, CancellationToken ct)
    {
        var page = await mediator.Send(new ListPayouts(new PageRequest(query.Page, query.PageSize), AdminPayouts.ParseStatus(query.Status),
            query.CooperativeId, string.IsNullOrWhiteSpace(query.PeriodEnd) ? null : query.PeriodEnd.Trim()), ct);
        return new AdminPayoutPage(page.Items.Select(AdminPayouts.Of).ToList(), page.Total, page.Page, page.PageSize);
    }

    public async Task<AdminBankBatch> Handle(CreateBankBatchForAdmin cmd, CancellationToken ct) =>
        Batch(await mediator.Send(new CreateBankBatch(cmd.AdminId), ct));

    public async Task<AdminBankBatchPage> Handle(ListBankBatchesForAdmin query, CancellationToken ct)
    {
        var page = await mediator.Send(new ListBankBatches(PageRequest.From(query.Page, query.PageSize)), ct);
        return new AdminBankBatchPage(page.Items.Select(Batch).ToList(), page.Total, page.Page, page.PageSize);
    }

    public async Task<AdminBankBatchFile> Handle(GetBankBatchFileForAdmin query, CancellationToken ct)
    {
        var (number, file) = await mediator.Send(new GetBankBatchFile(query.BatchId), ct);
        return new AdminBankBatchFile($"{number}.csv", file);
    }

    public async Task<AdminPayout> Handle(ReissuePayoutByAdmin cmd, CancellationToken ct) =>
        AdminPayouts.Of(await mediator.Send(new ReissuePayout(cmd.PayoutId, cmd.AdminId), ct));

    private static AdminBankBatch Batch(BankBatchView b) => new(b.Id, b.Number, b.CreatedAt, b.Total.Amount, b.Total.Currency,
        b.Payouts.Select(AdminPayouts.Of).ToList());

    public async Task<AdminPayout> Handle(MarkPayoutSentByAdmin cmd, CancellationToken ct) =>
        AdminPayouts.Of(await mediator.Send(new MarkPayoutSent(cmd.PayoutId, cmd.BankReference, cmd.AdminId), ct));

    public async Task<AdminPayout> Handle(MarkPayoutFailedByAdmin cmd, CancellationToken ct) =>
        AdminPayouts.Of(await mediator.Send(new MarkPayoutFailed(cmd.PayoutId, cmd.Reason, cmd.AdminId), ct));

    private static CommissionRatesVersion Version(CommissionRatesView v) => new(v.DefaultRate, v.CategoryRates, v.EffectiveFrom);
}

internal sealed class AdminReconciliationQueries(IMediator mediator) :
    IRequestHandler<ImportBankStatementForAdmin, BankStatementImport>,
    IRequestHandler<GetReconciliationForAdmin, AdminReconciliation>,
    IRequestHandler<CompareStripeTransfersForAdmin, AdminStripeComparison>
{
    public async Task<BankStatementImport> Handle(ImportBankStatementForAdmin cmd, CancellationToken ct)
    {
        var result = await mediator.Send(new ImportBankStatement(cmd.File), ct);
        return new BankStatementImport(result.Matched, result.Unmatched.Select(Line).ToList(), result.Imported, result.AlreadyImported, result.Returned);
    }

    public async Task<AdminReconciliation> Handle(GetReconciliationForAdmin query, CancellationToken ct)
    {
        var answer = await mediator.Send(new GetReconciliation(), ct);
        return new AdminReconciliation(answer.UnmatchedLines.Select(Line).ToList(), answer.UnmatchedPayouts.Select(AdminPayouts.Of).ToList(),
            answer.Stripe?.ComparedAt, answer.Stripe?.Differences.Select(Difference).ToList() ?? []);
    }

    public async Task<AdminStripeComparison> Handle(CompareStripeTransfersForAdmin cmd, CancellationToken ct)
    {
        var comparison = await mediator.Send(new CompareStripeTransfers(cmd.From, cmd.To), ct);
        return new AdminStripeComparison(comparison.ComparedAt, comparison.Matched, comparison.Differences.Select(Difference).ToList());
    }

    private static AdminStripeDifference Difference(StripeDifference d) => new(d.Kind, d.TransferId, d.PayoutReference, d.OurAmount?.Amount,
        d.StripeAmount?.Amount, d.OurAmount?.Currency ?? d.StripeAmount?.Currency ?? Money.DefaultCurrency);

    private static AdminStatementLine Line(StatementLineView l) => new(l.Line, l.Date, l.Reference, l.Amount, l.Counterparty, l.PayoutReference);
}

internal static class AdminPayouts
{
    public static AdminPayout Of(PayoutView p) => new(p.Id, p.Reference, p.CooperativeId, p.Amount.Amount, p.Amount.Currency,
        p.Method == PayoutMethod.BankTransfer ? "bank_transfer" : "stripe_connect", p.Status.ToString().ToLowerInvariant(), p.PeriodEnd,
        p.CreatedAt, p.BankReference, p.SentAt, p.TransferId, p.PaidAt, p.FailureReason, p.ReconciledAt, p.BatchId);

    public static PayoutStatus? ParseStatus(string? status) => PayoutStatuses.Parse(status);
}
