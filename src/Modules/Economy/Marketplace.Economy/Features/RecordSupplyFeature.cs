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

internal sealed class RecordSupplyValidator : AbstractValidator<RecordSupply>
{
    public RecordSupplyValidator()
    {
        RuleFor(x => x.MemberId).NotNull().WithMessage("memberId is the member who delivered.");
        RuleFor(x => x.Date).NotEmpty().Must(d => Inputs.Day(d) is not null).WithMessage("date is a date: yyyy-MM-dd.");
        RuleFor(x => x.Item).NotEmpty().MaximumLength(80).Must(i => i is null || i.Trim().Length > 0).WithMessage("item must not be blank.");
        RuleFor(x => x.Quantity).NotNull().GreaterThan(0).LessThanOrEqualTo(1_000_000)
            .Must(q => q is null || decimal.Round(q.Value, 3) == q.Value).WithMessage("quantity has at most 3 decimals.");
        RuleFor(x => x.Unit).NotEmpty().MaximumLength(20);
        RuleFor(x => x.Grade).MaximumLength(40);
        RuleFor(x => x.Lot).MaximumLength(40);
        RuleFor(x => x.UnitPrice).NotNull().GreaterThanOrEqualTo(0).LessThanOrEqualTo(1_000_000)
            .Must(p => p is null || Money.HasAtMostTwoDecimals(p.Value)).WithMessage("unitPrice has at most 2 decimals.");
    }
}

/// <summary>Staff record what a member delivered: the cooperative owes her quantity x unit price.</summary>
internal sealed class RecordSupplyHandler(IEconomyStore store, EconomyAccess access, TimeProvider clock) : IRequestHandler<RecordSupply, SupplyEntry>
{
    public async Task<SupplyEntry> Handle(RecordSupply cmd, CancellationToken ct)
    {
        var register = await access.StaffAsync(cmd.CooperativeId, cmd.ActorId, ct);
        var member = EconomyAccess.Member(register, cmd.MemberId!.Value);
        var date = Inputs.PastDay(cmd.Date, "date", clock);
        if (!member.IsMemberOn(date)) throw new ValidationFailed("date", $"{member.FullName} was not a member of the cooperative on {date:yyyy-MM-dd}.");
        var input = new SupplyInput(date, cmd.Item!.Trim(), cmd.Quantity!.Value, cmd.Unit!.Trim(), Blank(cmd.Grade), Money.Mad(cmd.UnitPrice!.Value),
            Blank(cmd.Lot));
        var supplyId = Guid.CreateVersion7();
        return await Concurrency.RetryOnConflictAsync(async () => // two staff recording for her at once
        {
            await using var session = store.LightweightSession();
            await session.DecideAsync(member.Id, cmd.CooperativeId,
                account => AccountDecisions.RecordSupply(account, supplyId, input, cmd.ActorId, clock.GetUtcNow()), ct);
            await session.SaveChangesAsync(ct);
            return EntryViews.Supply((await session.LoadAsync<MemberEntry>(supplyId, ct))!, register);
        }, ct);
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal static class RecordSupplyEndpoint
{
    internal sealed record Body(Guid? MemberId, string? Date, string? Item, decimal? Quantity, string? Unit, string? Grade, JsonElement? UnitPrice,
        string? Lot);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/supplies",
            async (Guid id, Body b, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var supply = await mediator.Send(new RecordSupply(id, user.UserId(), b.MemberId, b.Date, b.Item, b.Quantity, b.Unit, b.Grade,
                    Inputs.Amount(b.UnitPrice, "unitPrice"), b.Lot), ct);
                return TypedResults.Created($"/api/cooperatives/{id}/supplies/{supply.Id}", supply);
            })
        .RequireAuthorization(Identity.Policies.SignedIn)
        .WithSummary("Record what a member delivered and what the cooperative owes her for it (staff)");
}
