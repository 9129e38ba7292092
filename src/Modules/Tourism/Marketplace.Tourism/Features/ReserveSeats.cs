using FluentValidation;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;

namespace Marketplace.Tourism.Features;

internal sealed class ReserveSeatsValidator : AbstractValidator<ReserveSeatsForCheckout>
{
    public ReserveSeatsValidator()
    {
        RuleFor(x => x.OrderId).NotEmpty();
        RuleFor(x => x.RequestHash).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Lines).NotEmpty().Must(l => l is null || l.Count <= 20).WithMessage("An order books at most 20 slots.");
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.SlotId).NotEmpty();
            line.RuleFor(l => l.Participants).InclusiveBetween(1, SlotDecisions.MaxParticipants);
            line.RuleFor(l => l.Participants).LessThanOrEqualTo(OpenSlotsHandler.MaxCapacity).When(l => l.Private);
        });
    }
}

/// <summary>
/// The seats of a checkout, all or none, in one transaction: the slots' streams locked in id order (two checkouts sharing
/// slots never deadlock, and each sees the other's seats), the order's hold read after the locks, then one commit of the
/// seat events and the hold. A twin with no slot in common meets the first on the hold's key.
/// </summary>
internal sealed class ReserveSeatsHandler(ITourismStore store, TimeProvider clock) : IRequestHandler<ReserveSeatsForCheckout, SeatReservation>
{
    public static readonly TimeSpan HoldTimeout = TimeSpan.FromMinutes(20);

    public async Task<SeatReservation> Handle(ReserveSeatsForCheckout cmd, CancellationToken ct)
    {
        var lines = cmd.Lines.GroupBy(l => l.SlotId).Select(g => new SeatLine(g.Key, g.Sum(l => l.Participants), g.Any(l => l.Private))).ToList();
        await using var session = store.LightweightSession();
        var streams = await session.LockSlotsAsync(lines.Select(l => l.SlotId), ct);
        var earlier = await session.LoadAsync<SeatHold>(cmd.OrderId, ct);
        var experiences = await ExperiencesAsync(session, streams.Values.Select(s => s.Aggregate).OfType<Slot>(), ct);
        var slots = streams.Values.Select(s => s.Aggregate).OfType<Slot>().Where(s => experiences.ContainsKey(s.ExperienceId))
            .Select(s => Answer(s, experiences[s.ExperienceId])).ToList();
        if (earlier is not null && earlier.Status is not (SeatHoldStatus.Expired or SeatHoldStatus.Released))
            return earlier.RequestHash == cmd.RequestHash ? new(slots, true, []) : new(slots, false, [], ReservedForAnotherRequest: true);

        var now = clock.GetUtcNow();
        var shortages = (from line in lines
            let slot = streams[line.SlotId].Aggregate
            let reason = SlotDecisions.CannotReserve(slot, line.Participants, now, line.Private, slot is null ? null : experiences.GetValueOrDefault(slot.ExperienceId))
            where reason is not null
            select new SeatShortage(line.SlotId, line.Participants, slot?.SeatsLeft ?? 0, reason)).ToList();
        if (shortages.Count > 0) return new(slots, false, shortages); // rolled back: nothing held

        foreach (var line in lines)
        {
            var slot = streams[line.SlotId].Aggregate!;
            streams[line.SlotId].AppendMany(SlotDecisions.Reserve(slot, cmd.OrderId, line.Private ? slot.Capacity : line.Participants, now));
        }
        var hold = new SeatHold
        {
            Id = cmd.OrderId, RequestHash = cmd.RequestHash, ReservedAt = now, ExpiresAt = now + HoldTimeout,
            Lines = lines.Select(l => new SeatHoldLine { SlotId = l.SlotId, Participants = l.Private ? streams[l.SlotId].Aggregate!.Capacity : l.Participants })
                .ToList(),
        };
        if (earlier is null) session.Insert(hold); else session.Store(hold);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (JasperFx.DocumentAlreadyExistsException) // a twin with no slot in common held first: its hold answers
        {
            await using var query = store.QuerySession();
            var first = (await query.LoadAsync<SeatHold>(cmd.OrderId, ct))!;
            return first.RequestHash == cmd.RequestHash ? new(slots, true, []) : new(slots, false, [], ReservedForAnotherRequest: true);
        }
        return new(slots, true, []);
    }

    private static async Task<IReadOnlyDictionary<Guid, Experience>> ExperiencesAsync(IDocumentSession session, IEnumerable<Slot> slots,
        CancellationToken ct)
    {
        var ids = slots.Select(s => s.ExperienceId).Distinct().ToArray();
        return ids.Length == 0 ? new Dictionary<Guid, Experience>() : (await session.LoadManyAsync<Experience>(ct, ids)).ToDictionary(e => e.Id);
    }

    private static CheckoutSlot Answer(Slot s, Experience e) =>
        new(s.Id, e.Id, s.CooperativeId, e.Fields.Title, LocalTime.InCasablanca(s.StartsAt), e.Fields.PricePerPerson.Amount,
            e.Fields.PricePerPerson.Currency, e.Fields.MeetingPoint, e.Fields.Cancellation, e.Fields.ChildPrice?.Amount,
            e.Fields.PrivateGroupMinimum?.Amount, s.Status);
}
