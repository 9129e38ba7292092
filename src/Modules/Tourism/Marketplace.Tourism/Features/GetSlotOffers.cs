using Marketplace.BuildingBlocks;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;

namespace Marketplace.Tourism.Features;

internal sealed class GetSlotOffersHandler(ITourismStore store, TimeProvider clock) : IRequestHandler<GetSlotOffers, IReadOnlyList<SlotOffer>>
{
    public async Task<IReadOnlyList<SlotOffer>> Handle(GetSlotOffers query, CancellationToken ct)
    {
        if (query.SlotIds.Count == 0) return [];
        await using var session = store.QuerySession();
        var slots = await session.LoadManyAsync<Slot>(ct, query.SlotIds.Distinct().ToArray());
        var experiences = (await session.LoadManyAsync<Experience>(ct, slots.Select(s => s.ExperienceId).Distinct().ToArray())).ToDictionary(e => e.Id);
        var now = clock.GetUtcNow();
        return slots.Where(s => experiences.ContainsKey(s.ExperienceId)).Select(s =>
        {
            var e = experiences[s.ExperienceId];
            return new SlotOffer(s.Id, e.Id, s.CooperativeId, LocalizedText.Pick(e.Fields.Title, query.Language), LocalTime.InCasablanca(s.StartsAt),
                e.Fields.PricePerPerson.Amount, s.SeatsLeft, s.IsBookable(now), e.Fields.PricePerPerson.Currency, e.Fields.ChildPrice?.Amount,
                e.Fields.PrivateGroupMinimum?.Amount, s.Capacity, s.Status);
        }).ToList();
    }
}
