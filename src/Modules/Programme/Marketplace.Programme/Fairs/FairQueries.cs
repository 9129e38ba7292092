using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marten;
using MediatR;

namespace Marketplace.Programme.Fairs;

internal sealed class FairQueries(IProgrammeStore store, IMediator mediator) :
    IRequestHandler<ListFairs, IReadOnlyList<FairSummary>>, IRequestHandler<GetFair, PublicFair>, IRequestHandler<GetFairForAdmin, AdminFair>,
    IRequestHandler<GetStandTarget, string>, IRequestHandler<GetInvitation, Invitation?>
{
    public async Task<IReadOnlyList<FairSummary>> Handle(ListFairs query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var fairs = await session.Query<Fair>().OrderByDescending(f => f.From).ThenByDescending(f => f.CreatedAt).Take(200).ToListAsync(ct);
        return fairs.Select(Summary).ToList();
    }

    public async Task<PublicFair> Handle(GetFair query, CancellationToken ct)
    {
        var fair = await LoadAsync(query.FairId, ct);
        var statuses = await StatusesAsync(fair, ct);
        return new PublicFair(Summary(fair), Ordered(fair).Select(e => new PublicExhibitor(e.Details.Stand, e.Details.Name, e.Details.Province,
            e.Details.Sector, Verified(e, statuses))).ToList());
    }

    public async Task<AdminFair> Handle(GetFairForAdmin query, CancellationToken ct)
    {
        var fair = await LoadAsync(query.FairId, ct);
        var statuses = await StatusesAsync(fair, ct);
        return new AdminFair(Summary(fair), Ordered(fair).Select(e => new AdminExhibitor(e.Details.Stand, e.Details.Name, e.Details.Province,
            e.Details.Sector, e.Details.Phone, e.Details.Email, InvitationPath(e.Token), e.InvitedAt, e.CooperativeId,
            e.CooperativeId is { } id ? statuses.GetValueOrDefault(id) : null)).ToList());
    }

    public async Task<string> Handle(GetStandTarget query, CancellationToken ct)
    {
        var fair = await LoadAsync(query.FairId, ct);
        var exhibitor = fair.Stand(query.Stand.Trim().ToUpperInvariant()) ?? throw new NotFound("The stand");
        return Verified(exhibitor, await StatusesAsync(fair, ct)) is { } cooperativeId ? $"/cooperatives/{cooperativeId}" : InvitationPath(exhibitor.Token);
    }

    public async Task<Invitation?> Handle(GetInvitation query, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(query.Token) || query.Token.Length > 64) return null;
        await using var session = store.QuerySession();
        var fair = await session.Query<Fair>().Where(f => f.Exhibitors.Any(e => e.Token == query.Token)).FirstOrDefaultAsync(ct);
        var e = fair?.Exhibitors.FirstOrDefault(x => x.Token == query.Token);
        if (fair is null || e is null) return null;
        return new Invitation(e.Token, fair.Id, fair.Name, e.Details.Stand, e.Details.Name, e.Details.Province, e.Details.Sector,
            e.Details.Phone, e.Details.Email, e.CooperativeId);
    }

    public static string InvitationPath(string token) => $"/invitations/{token}";

    private async Task<Fair> LoadAsync(Guid id, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Fair>(id, ct) ?? throw new NotFound("The fair");
    }

    private async Task<IReadOnlyDictionary<Guid, string>> StatusesAsync(Fair fair, CancellationToken ct)
    {
        var ids = fair.Exhibitors.Where(e => e.CooperativeId is not null).Select(e => e.CooperativeId!.Value).Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<Guid, string>();
        return (await mediator.Send(new GetCooperativeSummaries(ids), ct)).ToDictionary(c => c.Id, c => c.Status);
    }

    private static Guid? Verified(Exhibitor e, IReadOnlyDictionary<Guid, string> statuses) =>
        e.CooperativeId is { } id && statuses.GetValueOrDefault(id) == CooperativeStatus.Verified ? id : null;

    /// <summary>Stands in their natural order: A2 before A10.</summary>
    private static IEnumerable<Exhibitor> Ordered(Fair fair) => fair.Exhibitors.OrderBy(e => StandKey(e.Details.Stand), StringComparer.Ordinal);

    private static string StandKey(string stand) =>
        System.Text.RegularExpressions.Regex.Replace(stand, @"\d+", m => m.Value.PadLeft(6, '0'));

    private static FairSummary Summary(Fair f) =>
        new(f.Id, f.Name, f.Place, f.From, f.To, f.Exhibitors.Count, f.Exhibitors.Count(e => e.CooperativeId is not null));
}
