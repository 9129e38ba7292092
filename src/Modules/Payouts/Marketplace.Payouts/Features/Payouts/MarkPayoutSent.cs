using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Reconciliation;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Payouts;

/// <summary>
/// An administrator handed a bank transfer to the bank, which gave it <see cref="BankReference"/>. A statement line
/// imported before that already shows it reconciles it at once.
/// </summary>
internal sealed record MarkPayoutSent(Guid PayoutId, string? BankReference, Guid By) : IRequest<PayoutView>;

internal sealed class MarkPayoutSentValidator : AbstractValidator<MarkPayoutSent>
{
    public MarkPayoutSentValidator() =>
        RuleFor(x => x.BankReference).NotEmpty().MaximumLength(100)
            .Must(r => r is null || r.Trim().Length > 0).WithMessage("'Bank Reference' must not be blank.");
}

internal sealed class MarkPayoutSentHandler(IPayoutsStore store, TimeProvider clock) : IRequestHandler<MarkPayoutSent, PayoutView>
{
    public Task<PayoutView> Handle(MarkPayoutSent cmd, CancellationToken ct) => Concurrency.RetryOnConflictAsync(async () =>
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Payout>(cmd.PayoutId, ct);
        var payout = stream.Aggregate?.Copy() ?? throw new NotFound("The payout");
        if (payout is { Status: PayoutStatus.Sent } && payout.BankReference == cmd.BankReference!.Trim())
            return PayoutView.Of(payout); // said twice
        var now = clock.GetUtcNow();
        var sent = PayoutDecisions.MarkSent(payout, cmd.BankReference!.Trim(), cmd.By, now);
        stream.AppendOne(sent);
        payout.Apply(sent);
        var (amount, negative) = (payout.Amount.Amount, -payout.Amount.Amount);
        var candidates = await session.Query<StatementLine>()
            .Where(l => l.PayoutId == null && (l.Amount == amount || l.Amount == negative)).ToListAsync(ct);
        if (candidates.OrderBy(l => l.Date).FirstOrDefault(l => PayoutDecisions.Matches(payout, l.Reference, l.Amount)) is { } line)
        {
            var reconciled = new PayoutReconciled(payout.Id, "bank_statement", $"{line.Date:yyyy-MM-dd} {line.Reference} {line.Amount:0.00}", now);
            stream.AppendOne(reconciled);
            payout.Apply(reconciled);
            line.PayoutId = payout.Id;
            line.PayoutReference = payout.Reference;
            session.Update(line);
        }
        await session.SaveChangesAsync(ct);
        return PayoutView.Of(payout);
    }, ct);
}

internal static class MarkPayoutSentEndpoint
{
    internal sealed record Body(string? BankReference);

    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/payouts/{id:guid}/mark-sent",
            async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new MarkPayoutSent(id, body.BankReference, user.UserId()), ct)))
        .WithSummary("Record that a bank-transfer payout was handed to the bank, with the bank's reference");
}
