using System.Security.Claims;
using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Storage;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>
/// The owner sets where payouts go: a bank transfer to a RIB, or a Stripe Connect account. The first account takes
/// effect at once; a change holds payouts for 48 hours (anti-fraud).
/// </summary>
internal sealed record SetPayoutAccount(Guid CooperativeId, Guid OwnerId, string? Method, string? Rib, string? StripeAccountId)
    : IRequest<PayoutAccountView>;

/// <param name="OnHold">payouts wait until <see cref="OnHoldUntil"/>.</param>
internal sealed record PayoutAccountView(string Method, string? Rib, string? StripeAccountId, DateTimeOffset SetAt,
    DateTimeOffset? OnHoldUntil, bool OnHold)
{
    public static PayoutAccountView Of(PayoutDetails p, DateTimeOffset now) =>
        new(p.Method, p.Rib, p.StripeAccountId, p.SetAt, p.OnHoldUntil, p.OnHoldUntil > now);
}

internal sealed partial class SetPayoutAccountValidator : AbstractValidator<SetPayoutAccount>
{
    public SetPayoutAccountValidator()
    {
        RuleFor(x => x.Method).Must(m => PayoutMethods.All.Contains(m))
            .WithMessage($"method is one of {string.Join(", ", PayoutMethods.All)}.");
        When(x => x.Method == PayoutMethods.BankTransfer, () =>
        {
            RuleFor(x => x.Rib).NotEmpty().WithMessage("A bank transfer needs the cooperative's RIB (24 digits).");
            RuleFor(x => x.Rib).Must(r => Rib.Normalise(r) is not null).WithMessage("A RIB has 24 digits (spaces allowed).")
                .When(x => !string.IsNullOrWhiteSpace(x.Rib), ApplyConditionTo.CurrentValidator)
                .Must(Rib.IsValid).WithMessage("This RIB's key is wrong: check the 24 digits.")
                .When(x => Rib.Normalise(x.Rib) is not null, ApplyConditionTo.CurrentValidator);
        });
        When(x => x.Method == PayoutMethods.StripeConnect, () =>
            RuleFor(x => x.StripeAccountId).NotEmpty().WithMessage("A Stripe Connect payout needs the account id (acct_...).")
                .Must(id => id is null || StripeAccount().IsMatch(id.Trim())).WithMessage("A Stripe account id looks like acct_1A2b3C4d5E6f7G8h."));
    }

    [GeneratedRegex("^acct_[A-Za-z0-9]{1,64}$")]
    private static partial Regex StripeAccount();
}

internal sealed class SetPayoutAccountHandler(ICooperativesStore store, TimeProvider clock) : IRequestHandler<SetPayoutAccount, PayoutAccountView>
{
    public async Task<PayoutAccountView> Handle(SetPayoutAccount cmd, CancellationToken ct)
    {
        var bank = cmd.Method == PayoutMethods.BankTransfer;
        var (rib, stripe) = bank ? (Rib.Normalise(cmd.Rib), (string?)null) : (null, cmd.StripeAccountId!.Trim());
        var now = clock.GetUtcNow();
        var cooperative = await store.UpdateAsync(cmd.CooperativeId,
            c => Management.SetPayoutAccount(c, cmd.OwnerId, cmd.Method!, rib, stripe, now), ct);
        return PayoutAccountView.Of(cooperative.Payout!, now);
    }
}

internal static class SetPayoutAccountEndpoint
{
    internal sealed record Body(string? Method, string? Rib, string? StripeAccountId);

    public static void Map(RouteGroupBuilder group) => group.MapPut("/{id:guid}/payout-account",
            async (Guid id, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetPayoutAccount(id, user.UserId(), body.Method, body.Rib, body.StripeAccountId), ct)))
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Set where payouts go: bank_transfer with a RIB, or stripe_connect (owner only)");
}
