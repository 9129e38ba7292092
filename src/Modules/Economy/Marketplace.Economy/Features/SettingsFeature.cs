using System.Security.Claims;
using System.Text.Json;
using Marketplace.BuildingBlocks;
using Marketplace.Economy.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Economy.Features;

/// <summary>A cooperative's rules for its members' economy (one document per cooperative; the defaults until its owner sets them).</summary>
internal sealed class Settings
{
    public Guid Id { get; set; }
    public decimal? ShareValue { get; set; }
    public decimal OrdinaryQuorum { get; set; } = Quorum.OrdinaryDefault;
    public decimal ExtraordinaryQuorum { get; set; } = Quorum.ExtraordinaryDefault;

    public static Settings Default(Guid cooperativeId) => new() { Id = cooperativeId };

    public EconomySettings View() => new(ShareValue is { } v ? Inputs.Mad(v) : null, OrdinaryQuorum, ExtraordinaryQuorum);
}

internal sealed class SettingsHandler(IEconomyStore store, EconomyAccess access) :
    IRequestHandler<GetEconomySettings, EconomySettings>,
    IRequestHandler<SetEconomySettings, EconomySettings>
{
    public async Task<EconomySettings> Handle(GetEconomySettings query, CancellationToken ct)
    {
        await access.StaffAsync(query.CooperativeId, query.ViewerId, ct);
        await using var session = store.QuerySession();
        return (await session.LoadAsync<Settings>(query.CooperativeId, ct) ?? Settings.Default(query.CooperativeId)).View();
    }

    public async Task<EconomySettings> Handle(SetEconomySettings cmd, CancellationToken ct)
    {
        await access.StaffAsync(cmd.CooperativeId, cmd.OwnerId, ct, ownerOnly: true);
        if (cmd.ShareValue is { } v && (v <= 0 || v > 1_000_000 || !Money.HasAtMostTwoDecimals(v)))
            throw new ValidationFailed("shareValue", "shareValue is more than zero, in MAD with at most 2 decimals.");
        foreach (var (field, q) in new[] { ("ordinaryQuorum", cmd.OrdinaryQuorum), ("extraordinaryQuorum", cmd.ExtraordinaryQuorum) })
            if (q is < 0 or > 1) throw new ValidationFailed(field, $"{field} is a part of the members, from 0 to 1 (0.5 for half).");
        await using var session = store.LightweightSession();
        var settings = await session.LoadAsync<Settings>(cmd.CooperativeId, ct) ?? Settings.Default(cmd.CooperativeId);
        settings.ShareValue = cmd.ShareValue ?? settings.ShareValue;
        settings.OrdinaryQuorum = cmd.OrdinaryQuorum ?? settings.OrdinaryQuorum;
        settings.ExtraordinaryQuorum = cmd.ExtraordinaryQuorum ?? settings.ExtraordinaryQuorum;
        session.Store(settings);
        await session.SaveChangesAsync(ct);
        return settings.View();
    }
}

internal static class SettingsEndpoints
{
    internal sealed record Body(JsonElement? ShareValue, decimal? OrdinaryQuorum, decimal? ExtraordinaryQuorum);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/economy/settings", async (Guid id, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetEconomySettings(id, user.UserId()), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithSummary("The share value and quorum rule of the cooperative (staff)");
        group.MapPut("/{id:guid}/economy/settings", async (Guid id, Body b, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetEconomySettings(id, user.UserId(), Inputs.Amount(b.ShareValue, "shareValue"), b.OrdinaryQuorum,
                    b.ExtraordinaryQuorum), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithSummary("Set the share value and quorum rule (owner)");
    }
}
