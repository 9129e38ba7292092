using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;

namespace Marketplace.Host.Pages.Shop;

/// <summary>Small helpers of the storefront's views: names of provinces, categories and labels in the page's language.</summary>
public static class ShopFormat
{
    /// <summary>The quality labels the shop explains, in the order it shows them.</summary>
    public static readonly string[] Labels = ["IGP", "AOP", "LABEL_AGRICOLE", "ORGANIC", "FAIR_TRADE"];

    public static string Province(string? code) => Provinces.Find(code)?.Name.Pick(PageLanguage.Current) ?? code ?? "";

    public static string Category(IReadOnlyList<CategoryNode> tree, string? code) =>
        Flatten(tree).FirstOrDefault(c => c.Node.Code == code).Node is { } node ? Format.Text(node.Name) : code ?? "";

    /// <summary>Every category, children after their parent, with their depth (0 or 1).</summary>
    public static IEnumerable<(CategoryNode Node, int Depth)> Flatten(IReadOnlyList<CategoryNode> tree) =>
        tree.SelectMany(c => c.Children.Select(child => (child, 1)).Prepend((c, 0)));

    /// <summary>A sector of a cooperative: a category code is shown by its name, a word as it is.</summary>
    public static string Sector(IReadOnlyList<CategoryNode> tree, string sector) =>
        Flatten(tree).Any(c => c.Node.Code == sector) ? Category(tree, sector) : sector;

    /// <summary>Whether an image is the drawn picture of a kind of product (not a photo of this one).</summary>
    public static bool IsDrawn(string? url) => url?.StartsWith("/api/pictures/", StringComparison.Ordinal) != false;

    /// <summary>A Latin token (an order number) inside a sentence of any direction, kept whole (Unicode first-strong isolate).</summary>
    public static string Isolate(string text) => $"\u2068{text}\u2069";
}
