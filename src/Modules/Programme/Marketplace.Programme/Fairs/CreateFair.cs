using System.Security.Claims;
using Marketplace.BuildingBlocks;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Programme.Fairs;

internal sealed class CreateFairHandler(IProgrammeStore store, TimeProvider clock) : IRequestHandler<CreateFair, FairSummary>
{
    public async Task<FairSummary> Handle(CreateFair cmd, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (name, place) = (cmd.Name?.Trim() ?? "", cmd.Place?.Trim() ?? "");
        if (name.Length is 0 or > 150) errors["name"] = ["name is required (at most 150 characters)."];
        if (place.Length is 0 or > 150) errors["place"] = ["place is required (at most 150 characters)."];
        var (from, to) = (IsoDay.Parse(cmd.From), IsoDay.Parse(cmd.To));
        if (from is null) errors["from"] = ["from is the first day: yyyy-MM-dd."];
        if (to is null) errors["to"] = ["to is the last day: yyyy-MM-dd."];
        else if (from is not null && (to < from || to.Value.DayNumber - from.Value.DayNumber > 60))
            errors["to"] = ["to is from or later, at most 60 days after it."];
        if (errors.Count > 0) throw new ValidationFailed(errors);
        var created = new FairCreated(Guid.CreateVersion7(), name, place, from!.Value, to!.Value, cmd.AdminId, clock.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Events.StartStream<Fair>(created.FairId, created);
        await session.SaveChangesAsync(ct);
        return new FairSummary(created.FairId, name, place, created.From, created.To, 0, 0);
    }
}

internal static class CreateFairEndpoint
{
    internal sealed record Body(string? Name, string? Place, string? From, string? To);

    public static void Map(RouteGroupBuilder admin) => admin.MapPost("/fairs", async (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
        {
            var fair = await mediator.Send(new CreateFair(user.UserId(), body.Name, body.Place, body.From, body.To), ct);
            return TypedResults.Created($"/api/fairs/{fair.Id}", fair);
        })
        .WithSummary("Create a fair: {name, place, from, to} (admin)");
}
