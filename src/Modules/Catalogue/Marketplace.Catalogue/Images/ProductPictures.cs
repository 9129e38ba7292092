using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Catalogue.Images;

/// <summary>
/// The pictures of a product without a photo: one drawing per kind (argan oil, amlou, honey, saffron, dates, couscous,
/// soap, carpet, pottery, silver, basket, olive oil, a visit), SVG in this folder, each in three colourings so that a
/// category page does not repeat one image (<see cref="Pictures"/> says which one a product gets). Served with an ETag,
/// cacheable for a day (their addresses stay when a drawing is improved).
/// </summary>
internal static class ProductPictures
{
    private const int Variants = Pictures.Variants;

    // Each kind's colours; "main" has one value per colouring. The backgrounds go with the colouring too.
    private static readonly string[] Backgrounds = ["#f3ead9", "#e8efe2", "#f5e6df"];
    private static readonly string[] Shades = ["#e0d2b8", "#d3dfcb", "#e6d0c6"];

    private sealed record Palette(string[] Main, string Dark, string Accent, string Leaf, string Glass, string Label);

    private static readonly FrozenDictionary<string, Palette> Palettes = new Dictionary<string, Palette>
    {
        ["argan-oil"] = new(["#c98a1b", "#b8741a", "#d9a23a"], "#5a360c", "#8a5a2b", "#5d7d3a", "#f1e3c4", "#fff8ea"),
        ["olive-oil"] = new(["#9aa62a", "#7f8c1f", "#b5b83e"], "#3f4a18", "#4b5a1e", "#6b8e3a", "#eef0d8", "#fffbe8"),
        ["amlou"] = new(["#a0612e", "#8c4f22", "#b87440"], "#6b3d14", "#c8a27a", "#5d7d3a", "#f4eee4", "#fff8ea"),
        ["honey"] = new(["#e0a526", "#d08e14", "#e9b84a"], "#7a4a12", "#f0c75e", "#5d7d3a", "#f4eee4", "#fff3d1"),
        ["saffron"] = new(["#8e5bb5", "#7a4aa0", "#a06cc4"], "#5a360c", "#d8361e", "#5d7d3a", "#f6eeee", "#fff8ea"),
        ["dates"] = new(["#7a3f1a", "#6a3414", "#8c4a22"], "#6b4a2a", "#a96a3a", "#4f7a3a", "#f4eee4", "#e8d2a8"),
        ["couscous"] = new(["#e8c777", "#dcb45c", "#f0d590"], "#a0522d", "#c79a3a", "#6b8e3a", "#f4eee4", "#f3d9a6"),
        ["soap"] = new(["#6b8e3a", "#c9a86a", "#b85c7a"], "#5b5442", "#8e5bb5", "#6b8e3a", "#8fb3c9", "#f7f1e3"),
        ["carpet"] = new(["#a1241b", "#1f4f7a", "#7a4a12"], "#1d1b18", "#e0a526", "#5d7d3a", "#f4eee4", "#f3ead9"),
        ["pottery"] = new(["#b5542a", "#a0462a", "#c0683a"], "#7a3418", "#1f6f7a", "#5d7d3a", "#f4eee4", "#f3ead9"),
        ["silver"] = new(["#1f6f7a", "#a1241b", "#2f6b3a"], "#6b7177", "#e0a526", "#5d7d3a", "#cfd4d8", "#f3ead9"),
        ["basket"] = new(["#d9b36c", "#c99c4c", "#e2c486"], "#8a5a2b", "#a1241b", "#5d7d3a", "#f4eee4", "#b8863e"),
        ["visit"] = new(["#c98a1b", "#b5542a", "#9aa62a"], "#5a360c", "#e0a526", "#4f7a3a", "#f4eee4", "#d9a77a"),
    }.ToFrozenDictionary();

    /// <summary>Every picture (kind-n.svg) drawn once, in its colours.</summary>
    private static readonly FrozenDictionary<string, byte[]> Drawn = Palettes.SelectMany(p => Enumerable.Range(0, Variants)
        .Select(v => (Name: $"{p.Key}-{v + 1}.svg", Svg: Draw(Template(p.Key), p.Value, v)))).ToFrozenDictionary(d => d.Name, d => d.Svg);

    /// <summary>Each drawing's tag (its content's hash): a browser asks again after a day and gets 304 while it has not changed.</summary>
    private static readonly FrozenDictionary<string, EntityTagHeaderValue> Tags = Drawn.ToFrozenDictionary(d => d.Key,
        d => new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(d.Value))[..16]}\""));

    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/pictures/{name}", (string name, HttpContext http) =>
        {
            if (!Drawn.TryGetValue(name, out var svg)) throw new NotFound("The picture");
            http.Response.Headers.CacheControl = "public, max-age=86400";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return TypedResults.Bytes(svg, "image/svg+xml", entityTag: Tags[name]);
        })
        .AllowAnonymous().WithTags("Catalogue").WithSummary("A drawn picture of a kind of product (kind-1.svg to kind-3.svg), for products without a photo");

    private static string Template(string kind)
    {
        using var stream = typeof(ProductPictures).Assembly.GetManifestResourceStream($"Marketplace.Catalogue.Images.Pictures.{kind}.svg")
            ?? throw new InvalidOperationException($"No drawing {kind}.svg");
        return new StreamReader(stream).ReadToEnd();
    }

    private static byte[] Draw(string template, Palette p, int variant) => Encoding.UTF8.GetBytes(template
        .Replace("{bg}", Backgrounds[variant]).Replace("{shade}", Shades[variant]).Replace("{main}", p.Main[variant]).Replace("{dark}", p.Dark)
        .Replace("{accent}", p.Accent).Replace("{leaf}", p.Leaf).Replace("{glass}", p.Glass).Replace("{label}", p.Label));
}
