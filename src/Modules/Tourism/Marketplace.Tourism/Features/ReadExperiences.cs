using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Tourism.Features;

internal sealed class ReadExperiencesHandler(ITourismStore store, IMediator mediator, TimeProvider clock) :
    IRequestHandler<ListExperiences, ExperiencePage>, IRequestHandler<GetExperience, ExperienceView>,
    IRequestHandler<ListCooperativeExperiences, IReadOnlyList<ExperienceView>>
{
    public async Task<ExperiencePage> Handle(ListExperiences query, CancellationToken ct)
    {
        var (page, size) = (Math.Max(1, query.Page), Math.Clamp(query.PageSize, 1, 100));
        await using var session = store.QuerySession();
        var experiences = session.Query<Experience>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Province)) experiences = experiences.Where(e => e.Province == query.Province);
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var folded = Multilingual.Fold(query.Q.Trim());
            experiences = experiences.Where(e => e.SearchText.Contains(folded));
        }
        var found = await experiences.Take(1000).ToListAsync(ct);
        var verified = await VerifiedAsync(found.Select(e => e.CooperativeId), ct);
        found = found.Where(e => verified.Contains(e.CooperativeId)).ToList();
        var now = clock.GetUtcNow();
        var slots = (await ComingSlotsAsync(session, found.Select(e => e.Id), now, ct)).ToLookup(s => s.ExperienceId);
        var ordered = found.OrderBy(e => slots[e.Id].Where(s => s.IsBookable(now)).Select(s => s.StartsAt).DefaultIfEmpty(DateTimeOffset.MaxValue).Min())
            .ThenByDescending(e => e.CreatedAt).ToList();
        return new ExperiencePage(ordered.Skip((page - 1) * size).Take(size)
            .Select(e => ExperienceViews.Of(e, slots[e.Id].Take(5), query.Language, now)).ToList(), ordered.Count, page, size);
    }

    public async Task<ExperienceView> Handle(GetExperience query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var experience = await session.LoadAsync<Experience>(query.ExperienceId, ct);
        if (experience is null || !(await VerifiedAsync([experience.CooperativeId], ct)).Contains(experience.CooperativeId)) throw new NotFound("The experience");
        var now = clock.GetUtcNow();
        var cancelled = await session.Query<HostCancellation>().CountAsync(c => c.CooperativeId == experience.CooperativeId && c.At > now.AddYears(-1), ct);
        return ExperienceViews.Of(experience, await ComingSlotsAsync(session, [experience.Id], now, ct), query.Language, now) with
        {
            CancelledByHost = cancelled,
        };
    }

    public async Task<IReadOnlyList<ExperienceView>> Handle(ListCooperativeExperiences query, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(query.CooperativeId, query.ViewerId, mustBeVerified: false, ct);
        await using var session = store.QuerySession();
        var experiences = await session.Query<Experience>().Where(e => e.CooperativeId == query.CooperativeId)
            .OrderByDescending(e => e.CreatedAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var slots = (await ComingSlotsAsync(session, experiences.Select(e => e.Id), now, ct)).ToLookup(s => s.ExperienceId);
        return experiences.Select(e => ExperienceViews.Of(e, slots[e.Id], query.Language, now)).ToList();
    }

    /// <summary>Slots not yet started, the soonest first (at most 200 per request).</summary>
    private static async Task<IReadOnlyList<Slot>> ComingSlotsAsync(IQuerySession session, IEnumerable<Guid> experienceIds, DateTimeOffset now,
        CancellationToken ct)
    {
        var ids = experienceIds.ToArray();
        if (ids.Length == 0) return [];
        return await session.Query<Slot>().Where(s => s.ExperienceId.In(ids) && s.StartsAt > now).OrderBy(s => s.StartsAt).Take(200 * ids.Length)
            .ToListAsync(ct);
    }

    private async Task<IReadOnlySet<Guid>> VerifiedAsync(IEnumerable<Guid> cooperativeIds, CancellationToken ct)
    {
        var ids = cooperativeIds.Distinct().ToList();
        if (ids.Count == 0) return new HashSet<Guid>();
        return (await mediator.Send(new GetCooperativeSummaries(ids), ct)).Where(c => c.Status == CooperativeStatus.Verified).Select(c => c.Id).ToHashSet();
    }
}

internal static class ReadExperiencesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var experiences = app.MapGroup("/api/experiences").WithTags("Solidarity tourism");
        experiences.MapGet("/", async (string? q, string? province, int? page, int? pageSize, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListExperiences(Language.Of(http), q, province, page ?? 1, pageSize ?? 20), ct)))
            .WithSummary("The cooperatives' visits, workshops and stays, with their next slots and seats left (anyone)");
        experiences.MapGet("/{id:guid}", async (Guid id, HttpContext http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetExperience(id, Language.Of(http)), ct)))
            .WithSummary("An experience with its coming slots and seats left (anyone)");
        app.MapGet("/api/cooperatives/{id:guid}/experiences", async (Guid id, ClaimsPrincipal user, HttpContext http, IMediator mediator,
                CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListCooperativeExperiences(id, user.UserId(), Language.Of(http)), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn).WithTags("Solidarity tourism")
            .WithSummary("The cooperative's experiences with all their coming slots (staff)");
    }
}
