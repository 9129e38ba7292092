using System.Globalization;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Stripe;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Reconciliation;

/// <summary>A difference between our Stripe payouts and Stripe's transfers.</summary>
/// <param name="Kind">missing_at_stripe, unknown_at_stripe, amount_differs or destination_differs.</param>
internal sealed record StripeDifference(string Kind, string? TransferId, string? PayoutReference, Money? OurAmount, Money? StripeAmount,
    string? OurDestination, string? StripeDestination);

/// <summary>The last comparison of our Stripe transfers with Stripe's list (one document, replaced by each comparison).</summary>
internal sealed record StripeComparison(string Id, DateOnly From, DateOnly To, DateTimeOffset ComparedAt, int Matched,
    IReadOnlyList<StripeDifference> Differences)
{
    public const string LatestId = "latest";
}

/// <summary>
/// Compares the Stripe payouts paid between two days with the transfers Stripe lists for them: any difference in id,
/// amount or destination is reported; payouts that agree become reconciled.
/// </summary>
internal sealed record CompareStripeTransfers(DateOnly? From, DateOnly? To) : IRequest<StripeComparison>;

internal sealed class CompareStripeTransfersValidator : AbstractValidator<CompareStripeTransfers>
{
    public CompareStripeTransfersValidator()
    {
        RuleFor(x => x.From).NotNull();
        RuleFor(x => x.To).NotNull().GreaterThanOrEqualTo(x => x.From).WithMessage("'to' is on or after 'from'.");
        RuleFor(x => x).Must(x => x.From is null || x.To is null || x.To.Value.DayNumber - x.From.Value.DayNumber <= 92)
            .WithMessage("Compare at most 92 days at a time.").OverridePropertyName("to");
    }
}

internal sealed class CompareStripeTransfersHandler(IPayoutsStore store, IStripeTransfers stripe, LocalCalendar calendar, TimeProvider clock)
    : IRequestHandler<CompareStripeTransfers, StripeComparison>
{
    public async Task<StripeComparison> Handle(CompareStripeTransfers cmd, CancellationToken ct)
    {
        if (!stripe.IsConfigured) throw new DomainRuleViolated("stripe_not_configured", "Stripe is not configured: there is nothing to compare.");
        var (from, to) = (calendar.StartOf(cmd.From!.Value), calendar.EndOf(cmd.To!.Value));
        IReadOnlyList<GatewayTransfer> theirs;
        try { theirs = await stripe.ListTransfersAsync(from.AddDays(-1), to.AddDays(1), ct); }
        catch (TransferGatewayUnavailable) { throw new DomainRuleViolated("stripe_unavailable", "Stripe could not be reached: try again in a moment."); }
        await using var session = store.LightweightSession();
        var ours = await session.Query<Payout>()
            .Where(p => p.Method == PayoutMethod.StripeConnect && p.TransferId != null && p.PaidAt >= from && p.PaidAt < to).ToListAsync(ct);
        var byId = theirs.ToDictionary(t => t.Id);
        var differences = new List<StripeDifference>();
        var matched = 0;
        foreach (var payout in ours.OrderBy(p => p.Reference))
        {
            if (!byId.TryGetValue(payout.TransferId!, out var t))
                differences.Add(new("missing_at_stripe", payout.TransferId, payout.Reference, payout.Amount, null, payout.Destination, null));
            else if (t.Amount != payout.Amount)
                differences.Add(new("amount_differs", t.Id, payout.Reference, payout.Amount, t.Amount, payout.Destination, t.Destination));
            else if (t.Destination != payout.Destination)
                differences.Add(new("destination_differs", t.Id, payout.Reference, payout.Amount, t.Amount, payout.Destination, t.Destination));
            else
            {
                matched++;
                if (payout.Status == PayoutStatus.Paid)
                    (await session.Events.FetchForWriting<Payout>(payout.Id, payout.Version, ct))
                        .AppendOne(new PayoutReconciled(payout.Id, "stripe", t.Id, clock.GetUtcNow()));
            }
        }
        var known = ours.Select(p => p.TransferId).ToHashSet();
        foreach (var t in theirs.Where(t => t.Created >= from && t.Created < to && !known.Contains(t.Id)))
        {
            var ourPayout = t.PayoutId is { } id ? await session.LoadAsync<Payout>(id, ct) : null;
            if (ourPayout?.TransferId == t.Id) continue; // paid just outside the days compared
            differences.Add(new("unknown_at_stripe", t.Id, ourPayout?.Reference, ourPayout?.Amount, t.Amount, ourPayout?.Destination, t.Destination));
        }
        var comparison = new StripeComparison(StripeComparison.LatestId, cmd.From.Value, cmd.To.Value, clock.GetUtcNow(), matched, differences);
        session.Store(comparison);
        await session.SaveChangesAsync(ct);
        return comparison;
    }
}

internal static class CompareStripeTransfersEndpoint
{
    internal sealed record Body(string? From, string? To);

    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/reconciliation/stripe",
            async (Body body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CompareStripeTransfers(Day(body.From, "from"), Day(body.To, "to")), ct)))
        .WithSummary("Compare our Stripe payouts paid between two days with Stripe's transfers (id, amount, destination)");

    private static DateOnly? Day(string? value, string field) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new ValidationFailed(field, "A day is written yyyy-MM-dd.");
}
