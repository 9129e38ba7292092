using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Catalogue.Features;
using MediatR;

namespace Marketplace.Catalogue.Integration;

/// <summary>Names of the fixed category tree (reference data), for other modules' reports and the administration.</summary>
internal sealed class GetCategoryNamesHandler : IRequestHandler<GetCategoryNames, IReadOnlyList<CategoryName>>
{
    public Task<IReadOnlyList<CategoryName>> Handle(GetCategoryNames query, CancellationToken ct)
    {
        var all = Categories.Tree.SelectMany(c => c.Children.Select(child => (Category: child, Parent: (string?)c.Code)).Prepend((c, null)));
        var asked = query.Codes?.ToHashSet();
        return Task.FromResult<IReadOnlyList<CategoryName>>(all.Where(x => asked is null || asked.Contains(x.Category.Code))
            .Select(x => new CategoryName(x.Category.Code, x.Category.Name.ToDictionary(), x.Parent)).ToList());
    }
}
