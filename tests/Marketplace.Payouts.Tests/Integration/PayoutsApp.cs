using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>The platform with a clock that tests can move forward, and the sellers' side of the Payouts tests.</summary>
public class PayoutsApp : MarketplaceApp
{
    public ShiftedClock Clock { get; } = new();

    public PayoutsApp() { }

    /// <summary>Another node on the same database (a second process of the platform).</summary>
    internal PayoutsApp(TestDatabase shared) : base(shared) { }

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Marketplace:Payouts:MinimumPayout"] = "100";

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(Clock);
    }

    public HttpCooperatives Cooperatives => new(this);

    public OrdersFeed Orders => new(this);
}

/// <summary>The real time plus an offset that a test may move forward (and must move back).</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    /// <summary>Moves the clock by <paramref name="by"/> until the returned handle is disposed.</summary>
    public IDisposable Advance(TimeSpan by)
    {
        Interlocked.Add(ref offsetTicks, by.Ticks);
        return new Undo(() => Interlocked.Add(ref offsetTicks, -by.Ticks));
    }

    private sealed class Undo(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}

[CollectionDefinition(Name)]
public sealed class PayoutsCollection : ICollectionFixture<PayoutsApp>
{
    public const string Name = "payouts";
}
