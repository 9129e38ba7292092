using System.Globalization;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marketplace.Cooperatives.Features;
using Marketplace.Cooperatives.Storage;
using Marten;
using MediatR;

namespace Marketplace.Cooperatives.Integration;

// What the administration pages ask of Cooperatives (Marketplace.Cooperatives.Contracts/AdminCooperatives.cs), answered
// with the module's own directory filters, views, member counts and audit trail.

internal sealed class ListCooperativesForAdminValidator : AbstractValidator<ListCooperativesForAdmin>
{
    public ListCooperativesForAdminValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null || Cooperative.Names.Parse(s) is not null)
            .WithMessage($"status is one of {CooperativeStatus.Pending}, {CooperativeStatus.Verified}, {CooperativeStatus.Suspended}.");
        RuleFor(x => x.Province).Must(p => p is null || Provinces.IsKnown(p))
            .WithMessage($"Unknown province: one of {string.Join(", ", Provinces.All.Select(p => p.Code))}.");
        RuleFor(x => x.Q).MaximumLength(100);
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, PageRequest.MaxPageSize);
    }
}

internal sealed class AdminCooperativeQueries(ICooperativesStore store, IMediator mediator) :
    IRequestHandler<ListCooperativesForAdmin, AdminCooperativePage>,
    IRequestHandler<GetCooperativeForAdmin, AdminCooperativeProfile>,
    IRequestHandler<GetCooperativeHistoryForAdmin, CooperativeHistoryPage>
{
    public async Task<AdminCooperativePage> Handle(ListCooperativesForAdmin query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var filtered = GetDirectoryHandler.Filter(session.Query<Cooperative>(), Cooperative.Names.Parse(query.Status), query.Province, null, query.Q);
        var page = await GetDirectoryHandler.PageAsync(filtered, new PageRequest(query.Page, query.PageSize), ct);
        var counts = new Dictionary<string, int>();
        foreach (var status in Enum.GetValues<Status>())
            counts[Cooperative.Names.Of(status)] = await session.Query<Cooperative>().CountAsync(c => c.Status == status, ct);
        return new AdminCooperativePage(page.Items.Select(c => Item(c, query.Language)).ToList(), page.Total, page.Page, page.PageSize, counts);
    }

    public async Task<AdminCooperativeProfile> Handle(GetCooperativeForAdmin query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var c = await session.LoadAsync<Cooperative>(query.CooperativeId, ct) ?? throw new NotFound("The cooperative");
        var p = CooperativeViews.Profile(c, query.Language);
        string? reason = null;
        if (c.Status == Status.Suspended)
            reason = (await session.Events.FetchStreamAsync(c.Id, token: ct)).Select(e => e.Data).OfType<CooperativeSuspended>().LastOrDefault()?.Reason;
        return new AdminCooperativeProfile(p.Id, p.Name, p.Names, p.Description, p.RegistrationNumber, p.Province, p.ProvinceName, p.Sectors,
            p.ContactEmail, p.Phone, p.Status, p.AppliedAt, p.VerifiedAt, c.SuspendedAt, reason, c.Staff.Count, Figures(c.Members),
            c.Payout?.Method);
    }

    public async Task<CooperativeHistoryPage> Handle(GetCooperativeHistoryForAdmin query, CancellationToken ct)
    {
        var history = await mediator.Send(new GetHistory(query.CooperativeId, query.AdminId, ViewerIsAdmin: true,
            new PageRequest(query.Page, query.PageSize)), ct);
        return new CooperativeHistoryPage(history.Items.Select(e => new CooperativeHistoryEntry(e.Version, e.Action, e.At, e.By, e.ByName,
            e.Details.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => AsText(d.Value!)))).ToList(),
            history.Total, history.Page, history.PageSize);
    }

    internal static MemberFigures Figures(IReadOnlyList<Member> members)
    {
        var counts = GetMembersHandler.Count(members);
        return new MemberFigures(counts.Current, counts.ByRole, counts.ByGender);
    }

    private static AdminCooperativeItem Item(Cooperative c, string language) =>
        new(c.Id, Texts.Pick(c.Name, language), c.RegistrationNumber, c.Province, CooperativeViews.ProvinceName(c.Province), c.Sectors,
            c.StatusName, c.AppliedAt, c.VerifiedAt, c.SuspendedAt);

    private static string AsText(object value) => value switch
    {
        string s => s,
        IReadOnlyDictionary<string, string> text => string.Join(" · ", text.Values),
        IDictionary<string, string> text => string.Join(" · ", text.Values),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => at.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>The programme's figures: every cooperative counted by status and province; members of verified cooperatives.</summary>
internal sealed class GetCooperativeFiguresHandler(ICooperativesStore store) : IRequestHandler<GetCooperativeFigures, CooperativeFigures>
{
    public async Task<CooperativeFigures> Handle(GetCooperativeFigures query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var all = await session.Query<Cooperative>().ToListAsync(ct);
        var verified = all.Where(c => c.Status == Status.Verified).ToList();
        var byStatus = Enum.GetValues<Status>().ToDictionary(Cooperative.Names.Of, s => all.Count(c => c.Status == s));
        var byProvince = Provinces.All.Select(p => new ProvinceFigures(p.Code, CooperativeViews.ProvinceName(p.Code),
                all.Count(c => c.Province == p.Code && c.Status == Status.Pending),
                all.Count(c => c.Province == p.Code && c.Status == Status.Verified),
                all.Count(c => c.Province == p.Code && c.Status == Status.Suspended),
                verified.Where(c => c.Province == p.Code).Sum(c => c.Members.Count(m => m.IsCurrent))))
            .ToList();
        return new CooperativeFigures(all.Count, byStatus, byProvince,
            AdminCooperativeQueries.Figures(verified.SelectMany(c => c.Members).ToList()));
    }
}
