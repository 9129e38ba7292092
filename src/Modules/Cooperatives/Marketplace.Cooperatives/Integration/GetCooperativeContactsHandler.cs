using Marketplace.Cooperatives.Contracts;
using Marketplace.Cooperatives.Domain;
using Marten;
using MediatR;

namespace Marketplace.Cooperatives.Integration;

internal sealed class GetCooperativeContactsHandler(ICooperativesStore store) : IRequestHandler<GetCooperativeContacts, IReadOnlyList<CooperativeContact>>
{
    public async Task<IReadOnlyList<CooperativeContact>> Handle(GetCooperativeContacts query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var found = await session.LoadManyAsync<Cooperative>(ct, query.CooperativeIds.Distinct());
        return found.Select(c => new CooperativeContact(c.Id, c.Name, c.ContactEmail, c.Phone, c.StaffIds)).ToList();
    }
}
