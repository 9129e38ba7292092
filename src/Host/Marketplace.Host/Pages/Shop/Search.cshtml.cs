using System.Globalization;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using Marketplace.Tourism.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/search: the API's filters and sorts in a GET form (works without JavaScript), a page at a time.</summary>
public sealed class SearchModel(IMediator mediator, Texts texts) : PageModel
{
    public const int PageSize = 24;
    public const string TourismCategory = "solidarity-tourism";
    public static readonly string[] Sorts = ["relevance", "price", "-price", "newest", "rating"];
    /// <summary>The least average rating a shopper may ask for.</summary>
    public static readonly int[] MinRatings = [4, 3];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Label { get; set; }
    [BindProperty(SupportsGet = true)] public string? MinPrice { get; set; }
    [BindProperty(SupportsGet = true)] public string? MaxPrice { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? MinRating { get; set; }

    public IReadOnlyList<CategoryNode> Categories { get; private set; } = [];
    public CataloguePage? Results { get; private set; }
    /// <summary>Visits and workshops matching the words, on the first page of a search or of the solidarity-tourism category.</summary>
    public IReadOnlyList<ExperienceView> Experiences { get; private set; } = [];
    public Pager? Pager { get; private set; }

    /// <param name="page">from the query: Razor Pages' own route value "page" (this page's name) would shadow a bound property.</param>
    public async Task OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        Categories = await mediator.Send(new GetCategories(), ct);
        ModelState.Clear(); // binding is lenient here: a bad page number is page 1; prices are checked below in the visitor's words
        var min = Amount(nameof(MinPrice), MinPrice);
        var max = Amount(nameof(MaxPrice), MaxPrice);
        if (min is { } low && max is { } high && high < low) ModelState.AddModelError(nameof(MaxPrice), texts["shop.search.price.order"]);
        if (!ModelState.IsValid) return;
        try
        {
            Results = await mediator.Send(new SearchCatalogue(PageLanguage.Current, Q, Category, null, Label, Province,
                min?.ToString(CultureInfo.InvariantCulture), max?.ToString(CultureInfo.InvariantCulture),
                Sorts.Contains(Sort) ? Sort : null, Math.Max(1, page ?? 1), PageSize,
                MinRating is { } least && MinRatings.Contains(least) ? least.ToString(CultureInfo.InvariantCulture) : null), ct);
            var tourism = Category == TourismCategory || (string.IsNullOrWhiteSpace(Category) && !string.IsNullOrWhiteSpace(Q));
            if (tourism && Results.Page == 1 && min is null && max is null && string.IsNullOrWhiteSpace(Label) && MinRating is null)
                Experiences = (await mediator.Send(new ListExperiences(PageLanguage.Current, Q, Province, 1, 6), ct)).Items;
            Pager = new Pager("/search", Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString()), Results.Page,
                Results.PageSize, Results.Total);
        }
        catch (ValidationFailed failed) { ModelState.AddErrors(failed); }
    }

    /// <summary>An amount as people type it: "120", "99,50" or "99.50"; a field error otherwise.</summary>
    private decimal? Amount(string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normal = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).Replace(',', '.');
        if (decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) && amount >= 0
            && decimal.Round(amount, 2) == amount && amount < 10_000_000m)
            return amount;
        ModelState.AddModelError(field, texts["shop.search.price.invalid"]);
        return null;
    }

    public bool HasFilters => !string.IsNullOrWhiteSpace(Category) || !string.IsNullOrWhiteSpace(Province)
        || !string.IsNullOrWhiteSpace(Label) || !string.IsNullOrWhiteSpace(MinPrice) || !string.IsNullOrWhiteSpace(MaxPrice) || MinRating is not null;
}
