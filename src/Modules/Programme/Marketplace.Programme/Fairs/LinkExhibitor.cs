using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Programme.Fairs;

/// <summary>An exhibitor whose cooperative was on the platform before the fair: an administrator links them, so its stand leads to its shop.</summary>
internal sealed class LinkExhibitorHandler(IProgrammeStore store, IMediator mediator, TimeProvider clock) : IRequestHandler<LinkExhibitor, AdminExhibitor>
{
    public async Task<AdminExhibitor> Handle(LinkExhibitor cmd, CancellationToken ct)
    {
        var cooperativeId = cmd.CooperativeId is { } id && (await mediator.Send(new GetCooperativeSummaries([id]), ct)).Count == 1 ? id
            : !string.IsNullOrWhiteSpace(cmd.RegistrationNumber) ? await mediator.Send(new FindCooperativeByRegistrationNumber(cmd.RegistrationNumber.Trim()), ct)
            : null;
        if (cooperativeId is null)
            throw new ValidationFailed("cooperative", "No cooperative on the platform has this id or registration number.");
        var stand = cmd.Stand.Trim().ToUpperInvariant();
        await Concurrency.RetryOnConflictAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<Fair>(cmd.FairId, ct);
            var fair = stream.Aggregate ?? throw new NotFound("The fair");
            var exhibitor = fair.Stand(stand) ?? throw new NotFound("The stand");
            if (exhibitor.CooperativeId == cooperativeId) return 0;
            if (ExhibitorDecisions.Join(fair, exhibitor, cooperativeId.Value, clock.GetUtcNow()) is not { } joined)
                throw new DomainRuleViolated("exhibitor_linked", "This exhibitor is already linked to another cooperative.");
            stream.AppendOne(joined);
            await session.SaveChangesAsync(ct);
            return 1;
        }, ct);
        return (await mediator.Send(new GetFairForAdmin(cmd.FairId), ct)).Exhibitors.Single(e => e.Stand == stand);
    }
}

internal static class LinkExhibitorEndpoint
{
    internal sealed record Body(Guid? CooperativeId, string? RegistrationNumber);

    public static void Map(RouteGroupBuilder admin) => admin.MapPut("/fairs/{id:guid}/stands/{stand}/cooperative",
            async (Guid id, string stand, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new LinkExhibitor(id, stand, body.CooperativeId, body.RegistrationNumber, user.UserId()), ct)))
        .WithSummary("Link a stand's exhibitor to a cooperative already on the platform: {cooperativeId} or {registrationNumber} (admin)");
}
