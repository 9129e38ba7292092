using MediatR;

namespace Marketplace.Catalogue.Contracts;

/// <summary>
/// The names of categories of the fixed tree, by language ("ar", "fr", "en", "zgh"), keyed by code; unknown codes are
/// left out. For reports that show sales by category.
/// </summary>
public sealed record GetCategoryNames(IReadOnlyList<string> Codes) : IRequest<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>;
