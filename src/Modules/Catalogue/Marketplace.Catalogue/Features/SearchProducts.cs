using System.Globalization;
using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Search;
using MediatR;
using Npgsql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Marketplace.Catalogue.Features;

/// <summary>The shop: published products of cooperatives that are not suspended, filtered, sorted, a page at a time.</summary>
internal sealed record SearchProducts(string? Q, string? Category, string? CooperativeId, string? Label, string? Province,
    string? MinPrice, string? MaxPrice, string? Sort, string? Page, string? PageSize, string Language, string? MinRating = null)
    : IRequest<PagedList<ProductViews.Item>>
{
    public static readonly string[] Sorts = ["relevance", "price", "-price", "newest", "rating"];
    public static decimal? Amount(string? s) => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;
    public static int? Number(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}

internal sealed class SearchProductsValidator : AbstractValidator<SearchProducts>
{
    public SearchProductsValidator()
    {
        RuleFor(x => x.Q).MaximumLength(200);
        RuleFor(x => x.Category).Must(c => c is null || Categories.IsKnown(c)).WithMessage("Unknown category (see GET /api/categories).");
        RuleFor(x => x.CooperativeId).Must(c => c is null || Guid.TryParse(c, out _)).WithMessage("A cooperative id is a GUID.");
        RuleFor(x => x.Label).Must(l => l is null || Labels.IsKnown(l.ToUpperInvariant()))
            .WithMessage($"Labels are {string.Join(", ", Labels.All.Keys)}.");
        RuleFor(x => x.Province).Must(p => p is null || Provinces.IsKnown(p)).WithMessage("Unknown province code.");
        RuleFor(x => x.MinPrice).Must(p => p is null || SearchProducts.Amount(p) >= 0).WithMessage("minPrice is an amount of 0 or more.");
        RuleFor(x => x.MaxPrice).Must(p => p is null || SearchProducts.Amount(p) >= 0).WithMessage("maxPrice is an amount of 0 or more.")
            .Must((x, max) => x.MinPrice is null || max is null || !(SearchProducts.Amount(max) < SearchProducts.Amount(x.MinPrice)))
            .WithMessage("maxPrice is at least minPrice.");
        RuleFor(x => x.MinRating).Must(r => r is null || SearchProducts.Amount(r) is >= 1 and <= 5).WithMessage("minRating is between 1 and 5 stars.");
        RuleFor(x => x.Sort).Must(s => s is null || SearchProducts.Sorts.Contains(s))
            .WithMessage($"sort is one of {string.Join(", ", SearchProducts.Sorts)}.");
        RuleFor(x => x.Page).Must(p => p is null || SearchProducts.Number(p) >= 1).WithMessage("page starts at 1.");
        RuleFor(x => x.PageSize).Must(p => p is null || SearchProducts.Number(p) is >= 1 and <= PageRequest.MaxPageSize)
            .WithMessage($"pageSize is between 1 and {PageRequest.MaxPageSize}.");
    }
}

internal sealed class SearchProductsHandler(ProductSearch search, IMediator mediator) : IRequestHandler<SearchProducts, PagedList<ProductViews.Item>>
{
    public async Task<PagedList<ProductViews.Item>> Handle(SearchProducts query, CancellationToken ct)
    {
        var found = await search.FindAsync(query, mediator, ct);
        return new PagedList<ProductViews.Item>(found.Items, found.Total, found.Page.Page, found.Page.PageSize, found.TotalExact);
    }
}

/// <summary>
/// A page of the shop, in order, and how many match in all. The answer (ids, total, and the page's items in each language
/// asked) comes from <see cref="SearchResultCache"/> while the search version has not moved; only the stock of the page's
/// products is read then (it moves without changing answers): one round trip. Otherwise the answer is computed in SQL.
/// </summary>
internal sealed class ProductSearch(NpgsqlDataSource database, ProductSearchSql sql, SearchResultCache cache, CooperativeNames names,
    ILogger<ProductSearch> logger)
{
    public async Task<ShopPage> FindAsync(SearchProducts query, IMediator mediator,
        CancellationToken ct)
    {
        var page = new PageRequest(SearchProducts.Number(query.Page) ?? 1, SearchProducts.Number(query.PageSize) ?? 20);
        var filter = new ProductFilter(SearchQuery.Parse(query.Q),
            query.Category is null ? null : Categories.WithDescendants(query.Category),
            query.CooperativeId is null ? null : Guid.Parse(query.CooperativeId), query.Label?.ToUpperInvariant(), query.Province,
            SearchProducts.Amount(query.MinPrice), SearchProducts.Amount(query.MaxPrice),
            query.Sort ?? (string.IsNullOrWhiteSpace(query.Q) ? "newest" : "relevance"), SearchProducts.Amount(query.MinRating));
        var key = filter.Key(page);
        await using var connection = await database.OpenConnectionAsync(ct);
        var answer = cache.Find(key);
        if (answer?.Items.GetValueOrDefault(query.Language) is { } kept)
        {
            var (now, stock) = await sql.VersionAndStockAsync(connection, answer.Ids, ct);
            if (now == answer.Version)
                return new(page, kept.Select(i => stock.TryGetValue(i.Id, out var n) ? i with { Stock = n, Available = n > 0 } : i).ToList(), answer.Total,
                    answer.TotalExact);
        }
        IReadOnlyDictionary<Guid, Product>? products = null;
        if (answer is not null)
        {
            var (version, documents) = await sql.VersionAndProductsAsync(connection, answer.Ids, ct);
            if (version == answer.Version) products = documents;
        }
        if (products is null)
        {
            var found = await sql.FindAsync(connection, filter, page, ct); // the version is read first: the answer is at least as new
            if (logger.IsEnabled(LogLevel.Debug)) logger.LogDebug("Search {Key} read {Read}: {Total} matches", key, found.Read, found.Total);
            cache.Keep(key, answer = new SearchAnswer(found.Version, found.Ids, found.Total, found.TotalExact));
            products = found.Products;
        }
        var shown = answer!.Ids.Where(products.ContainsKey).Select(id => products[id]).ToList();
        var cooperatives = await names.OfAsync(mediator, shown.Select(p => p.CooperativeId), ct);
        var items = shown.Select(p => p.ToItem(cooperatives, query.Language)).ToList();
        answer.Items[query.Language] = items; // read with a version at least as new as the answer's: see SearchResultCache
        return new(page, items, answer.Total, answer.TotalExact);
    }
}

/// <summary>A page of the shop and how many products match (exact up to 1,000, else maybe an estimate).</summary>
internal sealed record ShopPage(PageRequest Page, IReadOnlyList<ProductViews.Item> Items, long Total, bool TotalExact);

internal static class SearchProductsEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/",
            (string? q, string? category, string? cooperativeId, string? label, string? province, string? minPrice, string? maxPrice,
                    string? sort, string? page, string? pageSize, string? minRating, HttpContext http, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SearchProducts(q, Blank(category), Blank(cooperativeId), Blank(label), Blank(province), Blank(minPrice),
                    Blank(maxPrice), Blank(sort), Blank(page), Blank(pageSize), Language.Of(http), Blank(minRating)), ct))
        .AllowAnonymous()
        .WithSummary("Search and browse the shop: q in any language, filters (minRating too), sorts (rating too), pages");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
