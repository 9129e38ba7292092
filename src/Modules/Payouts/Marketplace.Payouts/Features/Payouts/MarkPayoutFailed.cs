using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Payouts;

/// <summary>
/// The bank sent a transfer back (a closed account, a wrong RIB): the payout fails and its money returns to the
/// cooperative's balance, to be paid in a later period.
/// </summary>
internal sealed record MarkPayoutFailed(Guid PayoutId, string? Reason, Guid By) : IRequest<PayoutView>;

internal sealed class MarkPayoutFailedValidator : AbstractValidator<MarkPayoutFailed>
{
    public MarkPayoutFailedValidator() =>
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(300)
            .Must(r => r is null || r.Trim().Length > 0).WithMessage("'Reason' must not be blank.");
}

internal sealed class MarkPayoutFailedHandler(IPayoutsStore store, TimeProvider clock) : IRequestHandler<MarkPayoutFailed, PayoutView>
{
    public Task<PayoutView> Handle(MarkPayoutFailed cmd, CancellationToken ct) => Concurrency.RetryOnConflictAsync(async () =>
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Payout>(cmd.PayoutId, ct);
        var payout = stream.Aggregate?.Copy() ?? throw new NotFound("The payout");
        var now = clock.GetUtcNow();
        var failed = PayoutDecisions.MarkFailed(payout, cmd.Reason!.Trim(), now);
        stream.AppendOne(failed);
        payout.Apply(failed);
        await session.DecideAsync(payout.CooperativeId, ledger => LedgerDecisions.ReturnPayout(ledger, payout.Id, failed.Reason, now), ct);
        await session.SaveChangesAsync(ct);
        return PayoutView.Of(payout);
    }, ct);
}

internal static class MarkPayoutFailedEndpoint
{
    internal sealed record Body(string? Reason);

    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/payouts/{id:guid}/mark-failed",
            async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MarkPayoutFailed(id, body.Reason, user.UserId()), ct)))
        .WithSummary("Record that the bank returned a bank-transfer payout: its money goes back to the cooperative's balance");
}
