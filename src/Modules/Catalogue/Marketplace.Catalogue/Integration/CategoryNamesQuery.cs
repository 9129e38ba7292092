using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using MediatR;

namespace Marketplace.Catalogue.Integration;

/// <summary>Names of the fixed category tree (reference data), for other modules' reports.</summary>
internal sealed class GetCategoryNamesHandler : IRequestHandler<GetCategoryNames, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>
{
    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Handle(GetCategoryNames query, CancellationToken ct) =>
        Task.FromResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>(query.Codes.Distinct()
            .Select(Categories.Find).OfType<Category>()
            .ToDictionary(c => c.Code, c => c.Name.ToDictionary()));
}
