using System.Security.Claims;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Cooperatives.Features;

/// <summary>
/// The directory: verified cooperatives, to everyone. Administrators may list another status (?status=pending).
/// Filters: province (a code), sector, q (text in names and descriptions in every language, accents aside).
/// </summary>
/// <param name="AnySector">those with any of these sectors (the shop's directory: a category and its children).</param>
internal sealed record GetDirectory(bool CallerIsAdmin, string? Status, string? Province, string? Sector, string? Q,
    PageRequest Page, string Language, IReadOnlyList<string>? AnySector = null) : IRequest<PagedList<CooperativeListItem>>;

internal sealed class GetDirectoryValidator : AbstractValidator<GetDirectory>
{
    public GetDirectoryValidator()
    {
        RuleFor(x => x.Status).Must(s => s is null || Cooperative.Names.Parse(s) is not null)
            .WithMessage($"status is one of {CooperativeStatus.Pending}, {CooperativeStatus.Verified}, {CooperativeStatus.Suspended}.");
        RuleFor(x => x.Province).Must(p => p is null || Provinces.IsKnown(p))
            .WithMessage($"Unknown province: one of {string.Join(", ", Provinces.All.Select(p => p.Code))}.");
        RuleFor(x => x.Sector).MaximumLength(40);
        RuleFor(x => x.Q).MaximumLength(100);
    }
}

internal sealed class GetDirectoryHandler(ICooperativesStore store) : IRequestHandler<GetDirectory, PagedList<CooperativeListItem>>
{
    public async Task<PagedList<CooperativeListItem>> Handle(GetDirectory query, CancellationToken ct)
    {
        // Only administrators see other statuses; for everyone else the directory is the verified cooperatives.
        var status = query.CallerIsAdmin && Cooperative.Names.Parse(query.Status) is { } asked ? asked : Status.Verified;
        await using var session = store.QuerySession();
        var cooperatives = Filter(session.Query<Cooperative>(), status, query.Province, query.Sector, query.Q);
        if (query.AnySector is { Count: > 0 } sectors)
        {
            var any = sectors.ToArray();
            cooperatives = cooperatives.Where(c => c.Sectors.Any(s => any.Contains(s)));
        }
        var page = await PageAsync(cooperatives, query.Page, ct);
        return new PagedList<CooperativeListItem>(page.Items.Select(c => CooperativeViews.ListItem(c, query.Language)).ToList(),
            page.Total, page.Page, page.PageSize);
    }

    /// <summary>The directory's filters (a status, or every status when null), shared with the administration's list.</summary>
    internal static IQueryable<Cooperative> Filter(IQueryable<Cooperative> cooperatives, Status? status, string? province, string? sector, string? q)
    {
        if (status is { } s) cooperatives = cooperatives.Where(c => c.Status == s);
        if (province is { } p) cooperatives = cooperatives.Where(c => c.Province == p);
        if (sector?.Trim().ToLowerInvariant() is { Length: > 0 } word) cooperatives = cooperatives.Where(c => c.Sectors.Contains(word));
        if (q is not null && Texts.Fold(q.Trim()) is { Length: > 0 } text) cooperatives = cooperatives.Where(c => c.SearchText.Contains(text));
        return cooperatives;
    }

    /// <summary>A page of the filtered cooperatives, oldest application first.</summary>
    internal static async Task<PagedList<Cooperative>> PageAsync(IQueryable<Cooperative> cooperatives, PageRequest page, CancellationToken ct)
    {
        var total = await cooperatives.CountAsync(ct);
        var items = await cooperatives.OrderBy(c => c.AppliedAt).ThenBy(c => c.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedList<Cooperative>(items.ToList(), total, page.Page, page.PageSize);
    }
}

internal static class GetDirectoryEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async (string? status, string? province, string? sector, string? q,
            int? page, int? pageSize, HttpContext http, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            TypedResults.Ok(await mediator.Send(new GetDirectory(user.IsAdmin(), status, province, sector, q,
                PageRequest.From(page, pageSize), Language.Of(http)), ct)))
        .AllowAnonymous()
        .WithSummary("The directory of verified cooperatives (administrators: ?status=), with filters and paging");
}
