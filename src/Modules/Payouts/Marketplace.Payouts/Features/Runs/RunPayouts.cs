using System.Globalization;
using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Features.Payouts;
using Marketplace.Payouts.Jobs;
using Marketplace.Payouts.Stripe;
using FluentValidation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Marketplace.Payouts.Features.Runs;

/// <summary>
/// Pays every cooperative what became available to it until the end of <see cref="PeriodEnd"/> (that day, local time), once
/// per week (Monday to Sunday, the week of <see cref="PeriodEnd"/>): any other run in that week, whatever its day and whoever
/// runs it, pays only cooperatives without a payout that week. Suspended cooperatives are held, and paid by the first run
/// after they are reinstated.
/// </summary>
internal sealed record RunPayouts(DateOnly? PeriodEnd, Guid? By = null) : IRequest<RunPayouts.Result>
{
    /// <param name="Reason">suspended, no_payout_account, payout_account_on_hold, stripe_not_configured or payout_account_incomplete.</param>
    internal sealed record Held(Guid CooperativeId, Money Amount, string Reason);
    internal sealed record Result(Guid Id, string PeriodEnd, string Week, IReadOnlyList<PayoutView> Payouts, IReadOnlyList<Held> Held);
}

internal sealed class RunPayoutsValidator : AbstractValidator<RunPayouts>
{
    public RunPayoutsValidator(TimeProvider clock, LocalCalendar calendar)
    {
        RuleFor(x => x.PeriodEnd).NotNull().WithMessage("periodEnd is a day, written yyyy-MM-dd.")
            .Must(d => d is null || d <= calendar.Today(clock.GetUtcNow())).WithMessage("A period cannot end in the future.");
    }
}

/// <summary>The run's record, for administrators: who ran it, what it paid and what it held back.</summary>
/// <param name="Period">the week's Sunday, yyyy-MM-dd.</param>
internal sealed record PayoutRun(Guid Id, string Period, DateTimeOffset At, Guid? By, IReadOnlyList<Guid> Created, IReadOnlyList<RunPayouts.Held> Held,
    string? PeriodEnd = null);

internal sealed class RunPayoutsHandler(IPayoutsStore store, IMediator mediator, PayoutReferences references, LocalCalendar calendar,
    IStripeTransfers stripe, IPayoutJobs jobs, TimeProvider clock, IOptions<PayoutsOptions> options)
    : IRequestHandler<RunPayouts, RunPayouts.Result>
{
    public async Task<RunPayouts.Result> Handle(RunPayouts cmd, CancellationToken ct)
    {
        var periodEnd = cmd.PeriodEnd!.Value;
        var week = LocalCalendar.WeekEnd(periodEnd).ToString("yyyy-MM-dd");
        var cutoff = calendar.EndOf(periodEnd);
        var runId = Guid.CreateVersion7();
        var minimum = Money.Mad(options.Value.MinimumPayout);
        await mediator.Send(new ReleaseCardSales(clock.GetUtcNow()), ct); // card sales whose hold is over are available first
        IReadOnlyList<CooperativeLedger> owed;
        HashSet<Guid> paid;
        Dictionary<Guid, Money> sinceCutoff;
        await using (var query = store.QuerySession())
        {
            owed = (await query.Query<CooperativeLedger>().Where(l => l.Available.Amount > 0m || l.OwedToPlatform.Amount < 0m).ToListAsync(ct))
                .Where(l => l.Payable >= minimum).OrderBy(l => l.Id).ToList();
            paid = (await query.Query<Payout>().Where(p => p.Period == week).Select(p => p.CooperativeId).ToListAsync(ct)).ToHashSet();
            sinceCutoff = (await query.Query<LedgerEntry>().Where(e => e.Account == LedgerAccount.Available && e.At >= cutoff).ToListAsync(ct))
                .GroupBy(e => e.CooperativeId).ToDictionary(g => g.Key, g => Money.Sum(g.Select(e => e.Amount)));
        }
        var due = owed.Where(l => !paid.Contains(l.Id)).ToList();
        var standing = (await mediator.Send(new GetCooperativeSummaries(due.Select(l => l.Id).ToList()), ct)).ToDictionary(c => c.Id, c => c.Status);
        var created = new List<Guid>();
        var held = new List<RunPayouts.Held>();
        foreach (var ledger in due)
        {
            var availableThen = ledger.Available - sinceCutoff.GetValueOrDefault(ledger.Id, Money.Zero());
            var account = await mediator.Send(new GetPayoutAccount(ledger.Id), ct);
            var refusal = account switch
            {
                _ when standing.GetValueOrDefault(ledger.Id) == CooperativeStatus.Suspended => "suspended",
                null => "no_payout_account",
                _ when account.IsOnHoldAt(clock.GetUtcNow()) => "payout_account_on_hold",
                { Method: "stripe_connect" } when !stripe.IsConfigured => "stripe_not_configured",
                { Method: "stripe_connect", StripeAccountId: { Length: > 0 } } or { Method: "bank_transfer", Rib: { Length: > 0 } } => null,
                _ => "payout_account_incomplete",
            };
            if (refusal is not null) { held.Add(new(ledger.Id, ledger.Payable, refusal)); continue; }
            var payoutId = await Concurrency.RetryOnConflictAsync(
                () => PayAsync(runId, ledger.Id, account!, periodEnd, week, cutoff, availableThen, minimum, ct), ct);
            if (payoutId is { } id) created.Add(id);
        }
        List<Payout> payouts;
        await using (var query = store.QuerySession())
            payouts = (await query.Query<Payout>().Where(p => p.Period == week).ToListAsync(ct)).OrderBy(p => p.Reference).ToList();
        await using (var session = store.LightweightSession())
        {
            session.Store(new PayoutRun(runId, week, clock.GetUtcNow(), cmd.By, created, held, periodEnd.ToString("yyyy-MM-dd")));
            await session.SaveChangesAsync(ct);
        }
        foreach (var payout in payouts.Where(p => p is { Method: PayoutMethod.StripeConnect, Status: PayoutStatus.Pending }))
            jobs.PayByStripe(payout.Id); // after commit; the job does nothing for a payout that is no longer pending
        return new RunPayouts.Result(runId, periodEnd.ToString("yyyy-MM-dd"), week, payouts.Select(PayoutView.Of).ToList(), held);
    }

    /// <summary>One cooperative: the payout and its debit of the ledger commit together, or not at all.</summary>
    private async Task<Guid?> PayAsync(Guid runId, Guid cooperativeId, PayoutAccount account, DateOnly periodEnd, string week,
        DateTimeOffset cutoff, Money availableThen, Money minimum, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<Payout>().AnyAsync(p => p.CooperativeId == cooperativeId && p.Period == week, ct)) return null;
        var stream = await session.Events.FetchForWriting<CooperativeLedger>(cooperativeId, ct);
        if (stream.Aggregate is null) return null;
        var payoutId = Guid.CreateVersion7();
        var reference = await references.NextAsync(periodEnd, ct);
        var now = clock.GetUtcNow();
        var debit = LedgerDecisions.DebitPayout(stream.Aggregate, payoutId, reference, minimum, availableThen, now);
        if (debit is null) return null;
        var (method, destination) = Destination(account);
        stream.AppendOne(debit);
        session.Events.StartStream<Payout>(payoutId, new PayoutCreated(payoutId, runId, reference, cooperativeId, week, cutoff, debit.Amount,
            method, destination, now));
        try
        {
            await session.SaveChangesAsync(ct);
            return payoutId;
        }
        catch (Exception e) when (e.IsUniqueViolation())
        {
            return null; // another run (maybe in another process) paid this cooperative for this week first
        }
    }

    internal static (PayoutMethod Method, string Destination) Destination(PayoutAccount account) => account.Method == "stripe_connect"
        ? (PayoutMethod.StripeConnect, account.StripeAccountId!)
        : (PayoutMethod.BankTransfer, account.Rib!);
}

internal static class RunPayoutsEndpoint
{
    internal sealed record Body(string? PeriodEnd);

    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/payout-runs",
            async (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var periodEnd = ParseDay(body.PeriodEnd);
                var result = await mediator.Send(new RunPayouts(periodEnd, user.UserId()), ct);
                return TypedResults.Created($"/api/admin/payouts?periodEnd={result.PeriodEnd}", result);
            })
        .WithSummary("Run the payouts of the week of periodEnd (what became available until the end of that day, Casablanca time): one payout per cooperative and week");

    private static DateOnly? ParseDay(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new ValidationFailed("periodEnd", "periodEnd is a day, written yyyy-MM-dd.");
}
