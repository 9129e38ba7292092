using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Tourism.Features;

/// <summary>One slot, or a season of them; a slot already open at the same start of the same experience is kept as it is.</summary>
internal sealed class OpenSlotsHandler(ITourismStore store, IMediator mediator, TimeProvider clock) :
    IRequestHandler<OpenSlot, SlotView>, IRequestHandler<OpenSlotSeries, IReadOnlyList<SlotView>>
{
    public const int DefaultCutoffHours = 12;
    public const int MaxCapacity = 500;
    public const int MaxSeries = 200;

    public async Task<SlotView> Handle(OpenSlot cmd, CancellationToken ct)
    {
        var startsAt = LocalTime.Parse(cmd.StartsAt) ?? throw new ValidationFailed("startsAt",
            "startsAt is a day and time in Casablanca (2027-03-06T09:00) or an instant with its offset.");
        Check(cmd.Capacity, cmd.CutoffHours, cmd.Status);
        if (startsAt <= clock.GetUtcNow()) throw new ValidationFailed("startsAt", "startsAt is in the future.");
        return (await OpenAsync(cmd.CooperativeId, cmd.ExperienceId, cmd.ActorId, [startsAt], cmd.Capacity!.Value, cmd.CutoffHours,
            cmd.Status ?? SlotStatuses.Open, ct)).Single();
    }

    public async Task<IReadOnlyList<SlotView>> Handle(OpenSlotSeries cmd, CancellationToken ct)
    {
        var (from, to) = (IsoDay.Parse(cmd.From), IsoDay.Parse(cmd.To));
        var errors = new Dictionary<string, string[]>();
        if (from is null) errors["from"] = ["from is the first day: yyyy-MM-dd."];
        if (to is null || (from is not null && (to < from || to.Value.DayNumber - from.Value.DayNumber > 366))) errors["to"] = ["to is from or later, within a year."];
        if (cmd.Weekdays is not { Count: > 0 } || cmd.Weekdays.Any(d => d is < 0 or > 6)) errors["weekdays"] = ["weekdays are 0 (Sunday) to 6 (Saturday), one at least."];
        if (!TimeOnly.TryParseExact(cmd.Time ?? "", "HH:mm", out var time)) errors["time"] = ["time is HH:mm, in Casablanca."];
        if (errors.Count > 0) throw new ValidationFailed(errors);
        Check(cmd.Capacity, cmd.CutoffHours, null);
        var now = clock.GetUtcNow();
        var starts = Enumerable.Range(0, to!.Value.DayNumber - from!.Value.DayNumber + 1).Select(from.Value.AddDays)
            .Where(d => cmd.Weekdays!.Contains((int)d.DayOfWeek)).Select(d => LocalTime.At(d, time)).Where(s => s > now).ToList();
        if (starts.Count == 0) throw new ValidationFailed("weekdays", "No day of the period falls on these weekdays from now on.");
        if (starts.Count > MaxSeries) throw new ValidationFailed("to", $"A series opens at most {MaxSeries} slots.");
        return await OpenAsync(cmd.CooperativeId, cmd.ExperienceId, cmd.ActorId, starts, cmd.Capacity!.Value, cmd.CutoffHours, SlotStatuses.Open, ct);
    }

    private async Task<IReadOnlyList<SlotView>> OpenAsync(Guid cooperativeId, Guid experienceId, Guid actorId, IReadOnlyList<DateTimeOffset> starts,
        int capacity, int? cutoffHours, string status, CancellationToken ct)
    {
        await mediator.RequireStaffAsync(cooperativeId, actorId, mustBeVerified: false, ct);
        await using var session = store.LightweightSession();
        var experience = await session.LoadAsync<Experience>(experienceId, ct);
        if (experience is null || experience.CooperativeId != cooperativeId) throw new NotFound("The experience");
        var existing = await session.Query<Slot>().Where(s => s.ExperienceId == experienceId && s.StartsAt.In(starts.ToArray())).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var slots = starts.Select(start => existing.FirstOrDefault(s => s.StartsAt == start) ?? Open(session, experience, start, capacity,
            cutoffHours ?? DefaultCutoffHours, status, actorId, now)).ToList();
        await session.SaveChangesAsync(ct);
        return slots.Select(s => ExperienceViews.Of(s, now)).ToList();
    }

    private static Slot Open(IDocumentSession session, Experience experience, DateTimeOffset start, int capacity, int cutoffHours, string status,
        Guid actorId, DateTimeOffset now)
    {
        var opened = new SlotOpened(Guid.CreateVersion7(), experience.Id, experience.CooperativeId, start, capacity, cutoffHours, status, actorId, now);
        session.Events.StartStream<Slot>(opened.SlotId, opened);
        var slot = new Slot();
        slot.Apply(opened);
        return slot;
    }

    private static void Check(int? capacity, int? cutoffHours, string? status)
    {
        var errors = new Dictionary<string, string[]>();
        if (capacity is not (>= 1 and <= MaxCapacity)) errors["capacity"] = [$"capacity is from 1 to {MaxCapacity} participants."];
        if (cutoffHours is < 0 or > 24 * 30) errors["cutoffHours"] = ["cutoffHours is from 0 to 720 hours before the start."];
        if (status is not null && !SlotStatuses.All.Contains(status)) errors["status"] = ["status is open, on_request or closed."];
        if (errors.Count > 0) throw new ValidationFailed(errors);
    }
}

internal static class OpenSlotsEndpoints
{
    internal sealed record Body(string? StartsAt, int? Capacity, int? CutoffHours, string? Status);

    internal sealed record SeriesBody(string? From, string? To, List<int>? Weekdays, string? Time, int? Capacity, int? CutoffHours);

    public static void Map(RouteGroupBuilder cooperatives)
    {
        cooperatives.MapPost("/{id:guid}/experiences/{experienceId:guid}/slots",
                async (Guid id, Guid experienceId, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                {
                    var slot = await mediator.Send(new OpenSlot(id, experienceId, user.UserId(), body.StartsAt, body.Capacity, body.CutoffHours, body.Status), ct);
                    return TypedResults.Created($"/api/experiences/{experienceId}", slot);
                })
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("Open a slot: {startsAt (Casablanca's day and time), capacity, cutoffHours?, status?} (staff)");
        cooperatives.MapPost("/{id:guid}/experiences/{experienceId:guid}/slots/series",
                async (Guid id, Guid experienceId, SeriesBody body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                    TypedResults.Ok(await mediator.Send(new OpenSlotSeries(id, experienceId, user.UserId(), body.From, body.To, body.Weekdays,
                        body.Time, body.Capacity, body.CutoffHours), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("Open a season of slots: every weekday given at a time, from a day to another (staff)");
    }
}
