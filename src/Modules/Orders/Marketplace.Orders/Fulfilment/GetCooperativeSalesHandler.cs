using FluentValidation;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;

namespace Marketplace.Orders.Fulfilment;

internal sealed class GetCooperativeSalesValidator : AbstractValidator<GetCooperativeSales>
{
    public const int MaxDays = 400;

    public GetCooperativeSalesValidator()
    {
        RuleFor(x => x.Period).Must(p => p is "day" or "week").WithMessage("period is day or week.");
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).WithMessage("to is on or after from.")
            .Must((x, to) => to.DayNumber - x.From.DayNumber < MaxDays).WithMessage($"At most {MaxDays} days at once.");
        RuleFor(x => x.TimeZone).Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out _)).WithMessage("Unknown time zone.");
    }
}

/// <summary>
/// A cooperative's sales by day or week, read from the orders it can act on (cash on delivery, or paid by card): the
/// sub-orders placed in the period and not cancelled. For its staff.
/// </summary>
internal sealed class GetCooperativeSalesHandler(IOrdersStore store, IMediator mediator) : IRequestHandler<GetCooperativeSales, CooperativeSales>
{
    public async Task<CooperativeSales> Handle(GetCooperativeSales query, CancellationToken ct)
    {
        await CooperativeStaff.EnsureAsync(mediator, query.CooperativeId, query.UserId, adminAllowed: false, isAdmin: false, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZone);
        var week = query.Period == "week";
        var first = week ? Monday(query.From) : query.From;
        var (from, to) = (StartOf(first, zone), StartOf(query.To.AddDays(1), zone));
        var coop = query.CooperativeId;
        await using var session = store.QuerySession();
        var orders = await session.Query<Order>()
            .Where(o => o.OpenToCooperatives && o.PlacedAt >= from && o.PlacedAt < to).WithSubOrderOf(store.Options.Serializer(), coop)
            .ToListAsync(ct);
        var sales = orders.SelectMany(o => o.SubOrders.Where(s => s.CooperativeId == coop && s.Status != SubOrderStatus.Cancelled)
                .Select(s => (Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.PlacedAt, zone).DateTime), Sub: s)))
            .ToList();
        var points = new List<SalesPoint>();
        for (var start = first; start <= query.To; start = start.AddDays(week ? 7 : 1))
        {
            var end = start.AddDays(week ? 7 : 1);
            var these = sales.Where(x => x.Day >= start && x.Day < end).Select(x => x.Sub).ToList();
            points.Add(new SalesPoint(start, these.Count, these.Sum(s => s.Subtotal.Amount), these.Sum(s => s.Shipping.Amount)));
        }
        return new CooperativeSales(first, query.To, query.Period, points.Sum(p => p.SubOrders), points.Sum(p => p.Items),
            points.Sum(p => p.Shipping), Money.DefaultCurrency, points);
    }

    private static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30); // a clock change at midnight
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
