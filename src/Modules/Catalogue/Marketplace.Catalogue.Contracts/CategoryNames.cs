using MediatR;

namespace Marketplace.Catalogue.Contracts;

/// <summary>
/// The names of categories of the fixed tree; unknown codes are left out. <paramref name="Codes"/> null: every category,
/// in the tree's order (each parent before its children). For reports that show sales by category and for the
/// commission rates by category.
/// </summary>
public sealed record GetCategoryNames(IReadOnlyList<string>? Codes = null) : IRequest<IReadOnlyList<CategoryName>>;

/// <param name="Name">by language: "ar", "fr", "en", "zgh".</param>
/// <param name="Parent">the code of its parent category; null for a top-level one.</param>
public sealed record CategoryName(string Code, IReadOnlyDictionary<string, string> Name, string? Parent);
