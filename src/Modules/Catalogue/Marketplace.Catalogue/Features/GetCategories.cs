using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Features;

/// <summary>The fixed category tree, multilingual, with the label codes beside it. Reference data: no handler needed.</summary>
internal static class GetCategoriesEndpoint
{
    internal sealed record CategoryView(string Code, IReadOnlyDictionary<string, string> Name, string DisplayName, bool IsFood,
        IReadOnlyList<CategoryView> Children);

    internal sealed record LabelView(string Code, IReadOnlyDictionary<string, string> Name, string DisplayName);

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/categories", (HttpContext http) =>
            {
                var language = Language.Of(http);
                http.Response.Headers.CacheControl = "public, max-age=3600";
                return TypedResults.Ok(Categories.Tree.Select(c => View(c, language)).ToList());
            })
            .AllowAnonymous().WithTags("Catalogue").WithSummary("The category tree, multilingual");
        app.MapGet("/api/labels", (HttpContext http) =>
            {
                var language = Language.Of(http);
                return TypedResults.Ok(Labels.All.Select(l => new LabelView(l.Key, l.Value.ToDictionary(), l.Value.Pick(language))).ToList());
            })
            .AllowAnonymous().WithTags("Catalogue").WithSummary("The quality labels a product may carry");
    }

    private static CategoryView View(Category c, string language) =>
        new(c.Code, c.Name.ToDictionary(), c.Name.Pick(language), c.IsFood, c.Children.Select(child => View(child, language)).ToList());
}
