using Marketplace.BuildingBlocks;

namespace Marketplace.Payouts.Domain.CommissionRules;

/// <summary>Administrators set the commission rates: in force from <see cref="EffectiveFrom"/> until the next change.</summary>
[EventName("payouts.commission_rates_set")]
internal sealed record CommissionRatesSet(decimal DefaultRate, IReadOnlyDictionary<string, decimal> CategoryRates,
    DateTimeOffset EffectiveFrom, Guid SetBy) : IDomainEvent;

/// <summary>The rates in force at a moment: a category's own rate, else the default.</summary>
internal sealed record CommissionRates(decimal DefaultRate, IReadOnlyDictionary<string, decimal> CategoryRates, DateTimeOffset? EffectiveFrom)
{
    public const decimal MaxRate = 0.5m;

    public decimal RateFor(string category) => CategoryRates.TryGetValue(category, out var rate) ? rate : DefaultRate;
}

/// <summary>
/// Every version of the commission rates ever set, with the moment each came into force (one stream, an inline
/// snapshot). A sale takes the rates in force when its order was placed, so that a later change never alters it.
/// </summary>
internal sealed class CommissionSchedule
{
    /// <summary>The one stream of the schedule.</summary>
    public static readonly Guid StreamId = new("5a1e5c0e-0000-7000-8000-00000000c0de");

    public Guid Id { get; set; }
    public int Version { get; set; }
    public List<CommissionRatesSet> Versions { get; set; } = [];

    public void Apply(CommissionRatesSet e)
    {
        Id = StreamId;
        Versions.Add(e);
    }

    /// <summary>The rates in force at <paramref name="at"/>; before any was set, the configured default for every category.</summary>
    public CommissionRates At(DateTimeOffset at, decimal configuredDefault)
    {
        var inForce = Versions.Where(v => v.EffectiveFrom <= at).OrderBy(v => v.EffectiveFrom).LastOrDefault();
        return inForce is null
            ? new CommissionRates(configuredDefault, new Dictionary<string, decimal>(), null)
            : new CommissionRates(inForce.DefaultRate, inForce.CategoryRates, inForce.EffectiveFrom);
    }
}
