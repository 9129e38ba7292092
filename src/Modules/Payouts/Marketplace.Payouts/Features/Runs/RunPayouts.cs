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
/// Pays every cooperative what it is owed for the period ending with <see cref="PeriodEnd"/> (at the end of that day,
/// local time): at most one payout per cooperative and period, whoever runs it and however often.
/// </summary>
internal sealed record RunPayouts(DateOnly? PeriodEnd, Guid? By = null) : IRequest<RunPayouts.Result>
{
    internal sealed record Skipped(Guid CooperativeId, string Reason);
    internal sealed record Result(Guid Id, string PeriodEnd, IReadOnlyList<PayoutView> Payouts, IReadOnlyList<Skipped> Skipped);
}

internal sealed class RunPayoutsValidator : AbstractValidator<RunPayouts>
{
    public RunPayoutsValidator(TimeProvider clock, LocalCalendar calendar)
    {
        RuleFor(x => x.PeriodEnd).NotNull().WithMessage("periodEnd is a day, written yyyy-MM-dd.")
            .Must(d => d is null || d <= calendar.Today(clock.GetUtcNow())).WithMessage("A period cannot end in the future.");
    }
}

/// <summary>The run's record, for administrators: who ran it, what it paid and what it left out.</summary>
internal sealed record PayoutRun(Guid Id, string Period, DateTimeOffset At, Guid? By, IReadOnlyList<Guid> Created, IReadOnlyList<RunPayouts.Skipped> Skipped);

internal sealed class RunPayoutsHandler(IPayoutsStore store, IMediator mediator, PayoutReferences references, LocalCalendar calendar,
    IStripeTransfers stripe, IPayoutJobs jobs, TimeProvider clock, IOptions<PayoutsOptions> options)
    : IRequestHandler<RunPayouts, RunPayouts.Result>
{
    public async Task<RunPayouts.Result> Handle(RunPayouts cmd, CancellationToken ct)
    {
        var periodEnd = cmd.PeriodEnd!.Value;
        var period = periodEnd.ToString("yyyy-MM-dd");
        var runId = Guid.CreateVersion7();
        var minimum = Money.Mad(options.Value.MinimumPayout);
        IReadOnlyList<CooperativeLedger> owed;
        HashSet<Guid> paid;
        await using (var query = store.QuerySession())
        {
            owed = (await query.Query<CooperativeLedger>().Where(l => l.Available.Amount > 0m || l.OwedToPlatform.Amount < 0m).ToListAsync(ct))
                .Where(l => l.Payable >= minimum).OrderBy(l => l.Id).ToList();
            paid = (await query.Query<Payout>().Where(p => p.Period == period).Select(p => p.CooperativeId).ToListAsync(ct)).ToHashSet();
        }
        var created = new List<Guid>();
        var skipped = new List<RunPayouts.Skipped>();
        foreach (var ledger in owed.Where(l => !paid.Contains(l.Id)))
        {
            var account = await mediator.Send(new GetPayoutAccount(ledger.Id), ct);
            var refusal = account switch
            {
                null => "no_payout_account",
                _ when account.IsOnHoldAt(clock.GetUtcNow()) => "payout_account_on_hold",
                { Method: "stripe_connect" } when !stripe.IsConfigured => "stripe_not_configured",
                { Method: "stripe_connect", StripeAccountId: { Length: > 0 } } or { Method: "bank_transfer", Rib: { Length: > 0 } } => null,
                _ => "payout_account_incomplete",
            };
            if (refusal is not null) { skipped.Add(new(ledger.Id, refusal)); continue; }
            var payoutId = await LedgerStreams.RetryOnConflictAsync(() => PayAsync(runId, ledger.Id, account!, periodEnd, minimum, ct), ct);
            if (payoutId is { } id) created.Add(id);
        }
        List<Payout> payouts;
        await using (var query = store.QuerySession())
        {
            payouts = (await query.Query<Payout>().Where(p => p.Period == period).ToListAsync(ct)).OrderBy(p => p.Reference).ToList();
        }
        await using (var session = store.LightweightSession())
        {
            session.Store(new PayoutRun(runId, period, clock.GetUtcNow(), cmd.By, created, skipped));
            await session.SaveChangesAsync(ct);
        }
        foreach (var payout in payouts.Where(p => p is { Method: PayoutMethod.StripeConnect, Status: PayoutStatus.Pending }))
            jobs.PayByStripe(payout.Id); // after commit; the job does nothing for a payout that is no longer pending
        return new RunPayouts.Result(runId, period, payouts.Select(PayoutView.Of).ToList(), skipped);
    }

    /// <summary>One cooperative: the payout and its debit of the ledger commit together, or not at all.</summary>
    private async Task<Guid?> PayAsync(Guid runId, Guid cooperativeId, PayoutAccount account, DateOnly periodEnd, Money minimum, CancellationToken ct)
    {
        var period = periodEnd.ToString("yyyy-MM-dd");
        await using var session = store.LightweightSession();
        if (await session.Query<Payout>().AnyAsync(p => p.CooperativeId == cooperativeId && p.Period == period, ct)) return null;
        var stream = await session.Events.FetchForWriting<CooperativeLedger>(cooperativeId, ct);
        if (stream.Aggregate is null) return null;
        var payoutId = Guid.CreateVersion7();
        var reference = await references.NextAsync(periodEnd, ct);
        var now = clock.GetUtcNow();
        var debit = LedgerDecisions.DebitPayout(stream.Aggregate, payoutId, reference, minimum, now);
        if (debit is null) return null;
        var (method, destination) = account.Method == "stripe_connect"
            ? (PayoutMethod.StripeConnect, account.StripeAccountId!)
            : (PayoutMethod.BankTransfer, account.Rib!);
        stream.AppendOne(debit);
        session.Events.StartStream<Payout>(payoutId, new PayoutCreated(payoutId, runId, reference, cooperativeId, period,
            calendar.EndOf(periodEnd), debit.Amount, method, destination, now));
        try
        {
            await session.SaveChangesAsync(ct);
            return payoutId;
        }
        catch (Exception e) when (e.IsUniqueViolation())
        {
            return null; // another run (maybe in another process) paid this cooperative for this period first
        }
    }
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
        .WithSummary("Run the payouts of a period (ending at the end of periodEnd, Casablanca time): one payout per cooperative and period");

    private static DateOnly? ParseDay(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new ValidationFailed("periodEnd", "periodEnd is a day, written yyyy-MM-dd.");
}
