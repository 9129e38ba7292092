using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

internal sealed class ReverseSupplyValidator : AbstractValidator<ReverseSupply>
{
    public ReverseSupplyValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(200).WithMessage("reason says what was wrong (up to 200 characters).");
        RuleFor(x => x.Date).Must(d => d is null || Inputs.Day(d) is not null).WithMessage("date is a date: yyyy-MM-dd.");
    }
}

/// <summary>A wrong supply is never edited: a new entry reverses it, and staff record the right one.</summary>
internal sealed class ReverseSupplyHandler(IEconomyStore store, EconomyAccess access, TimeProvider clock) : IRequestHandler<ReverseSupply, SupplyEntry>
{
    public async Task<SupplyEntry> Handle(ReverseSupply cmd, CancellationToken ct)
    {
        var register = await access.StaffAsync(cmd.CooperativeId, cmd.ActorId, ct);
        var date = cmd.Date is null ? Inputs.Today(clock) : Inputs.PastDay(cmd.Date, "date", clock);
        var reversalId = Guid.CreateVersion7();
        return await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var wrong = await session.LoadAsync<MemberEntry>(cmd.SupplyId, ct);
            if (wrong is null || wrong.CooperativeId != cmd.CooperativeId || wrong.Kind != EntryKinds.Supply) throw new NotFound("The supply");
            var recorded = (await session.Events.FetchStreamAsync(wrong.MemberId, token: ct)).Select(e => e.Data).OfType<SupplyRecorded>()
                .Single(s => s.SupplyId == wrong.Id);
            await session.DecideAsync(wrong.MemberId, cmd.CooperativeId,
                account => AccountDecisions.Reverse(account, recorded, reversalId, date, cmd.Reason!.Trim(), cmd.ActorId, clock.GetUtcNow()), ct);
            await session.SaveChangesAsync(ct);
            return EntryViews.Supply((await session.LoadAsync<MemberEntry>(reversalId, ct))!, register);
        }, ct);
    }
}

internal static class ReverseSupplyEndpoint
{
    internal sealed record Body(string? Reason, string? Date);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/supplies/{supplyId:guid}/reverse",
            async (Guid id, Guid supplyId, Body b, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var reversal = await mediator.Send(new ReverseSupply(id, user.UserId(), supplyId, b.Reason, b.Date), ct);
                return TypedResults.Created($"/api/cooperatives/{id}/supplies/{reversal.Id}", reversal);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Correct a supply by a new entry that reverses it (staff)");
}
