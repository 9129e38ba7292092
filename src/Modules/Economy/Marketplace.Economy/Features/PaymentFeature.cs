using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

internal sealed class RecordMemberPaymentValidator : AbstractValidator<RecordMemberPayment>
{
    public RecordMemberPaymentValidator()
    {
        RuleFor(x => x.Date).NotEmpty().Must(d => Inputs.Day(d) is not null).WithMessage("date is a date: yyyy-MM-dd.");
        RuleFor(x => x.Amount).NotNull().GreaterThan(0).LessThanOrEqualTo(10_000_000)
            .Must(a => a is null || Money.HasAtMostTwoDecimals(a.Value)).WithMessage("amount has at most 2 decimals.");
        RuleFor(x => x.Method).Must(m => m is not null && PaymentMethods.All.Contains(m))
            .WithMessage($"method is one of {string.Join(", ", PaymentMethods.All)}.");
        RuleFor(x => x.Note).MaximumLength(200);
    }
}

/// <summary>What the cooperative paid a member: cash, transfer or mobile wallet; an advance may exceed what it owes her.</summary>
internal sealed class RecordMemberPaymentHandler(IEconomyStore store, EconomyAccess access, TimeProvider clock)
    : IRequestHandler<RecordMemberPayment, PaymentEntry>
{
    public async Task<PaymentEntry> Handle(RecordMemberPayment cmd, CancellationToken ct)
    {
        var register = await access.StaffAsync(cmd.CooperativeId, cmd.ActorId, ct);
        var member = EconomyAccess.Member(register, cmd.MemberId);
        var date = Inputs.PastDay(cmd.Date, "date", clock);
        if (date < member.JoinedOn) throw new ValidationFailed("date", $"{member.FullName} joined the cooperative on {member.JoinedOn:yyyy-MM-dd}.");
        var paymentId = Guid.CreateVersion7();
        return await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            await session.DecideAsync(member.Id, cmd.CooperativeId, account => AccountDecisions.Pay(account, paymentId, date, Money.Mad(cmd.Amount!.Value),
                cmd.Method!, RecordSupplyHandler.Blank(cmd.Note), cmd.Advance, cmd.ActorId, clock.GetUtcNow()), ct);
            await session.SaveChangesAsync(ct);
            return EntryViews.Payment((await session.LoadAsync<MemberEntry>(paymentId, ct))!);
        }, ct);
    }
}

internal static class RecordMemberPaymentEndpoint
{
    internal sealed record Body(string? Date, JsonElement? Amount, string? Method, string? Note, bool? Advance);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/members/{memberId:guid}/payments",
            async (Guid id, Guid memberId, Body b, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var payment = await mediator.Send(new RecordMemberPayment(id, user.UserId(), memberId, b.Date, Inputs.Amount(b.Amount, "amount"),
                    b.Method, b.Note, b.Advance ?? false), ct);
                return TypedResults.Created($"/api/cooperatives/{id}/members/{memberId}/payments/{payment.Id}", payment);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Record what the cooperative paid a member (staff)");
}
