using Marketplace.Orders.Contracts;
using Marketplace.Payouts.Domain.CommissionRules;
using Marketplace.Payouts.Domain.Sales;

namespace Marketplace.Payouts.Tests.Unit;

public sealed class CommissionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static OrderPlacedIntegrationEvent Order(DateTimeOffset placedAt, decimal shipping, params (string Category, decimal LineTotal)[] lines)
    {
        var infos = lines.Select(l => new OrderLineInfo(Guid.NewGuid(), "SKU", l.Category, 1, l.LineTotal, l.LineTotal)).ToList();
        var sub = new SubOrderInfo(Guid.NewGuid(), Guid.NewGuid(), infos, infos.Sum(l => l.LineTotal), shipping);
        return new OrderPlacedIntegrationEvent(Guid.NewGuid(), Guid.NewGuid(), "SM-2026-000042", Guid.NewGuid(), "card", [sub],
            sub.Subtotal + shipping, "MAD", placedAt);
    }

    [Theory]
    [InlineData(10.05, 0.15, 1.51)]   // 1.5075
    [InlineData(0.05, 0.1, 0.01)]     // 0.005: half away from zero
    [InlineData(33.30, 0.125, 4.16)]  // 4.1625
    [InlineData(10.10, 0.05, 0.51)]   // 0.505
    [InlineData(100, 0, 0)]
    public void Given_a_line_When_sold_Then_its_commission_is_rounded_half_away_from_zero_to_the_centime(decimal lineTotal, decimal rate, decimal commission)
    {
        var rates = new CommissionRates(rate, new Dictionary<string, decimal>(), null);

        var sale = Sale.Record(Order(T0, 0m, ("honey", lineTotal)), rates);

        sale.SubOrders.Single().Lines.Single().Commission.Amount.Should().Be(commission);
    }

    [Fact]
    public void Given_several_lines_When_sold_Then_commission_is_rounded_per_line_and_the_delivery_fee_is_not_commissioned()
    {
        var rates = new CommissionRates(0.15m, new Dictionary<string, decimal> { ["argan-oil"] = 0.1m }, T0);

        var sale = Sale.Record(Order(T0, 35m, ("honey", 10.05m), ("honey", 10.05m), ("argan-oil", 120.05m)), rates).SubOrders.Single();

        sale.Lines.Select(l => (l.Rate, l.Commission.Amount)).Should().Equal((0.15m, 1.51m), (0.15m, 1.51m), (0.1m, 12.01m));
        sale.Commission.Amount.Should().Be(15.03m, "rounded per line: 1.51 + 1.51 + 12.01, not 15.0275 rounded once");
        sale.Gross.Amount.Should().Be(175.15m);
        sale.Net.Amount.Should().Be(160.12m, "items 140.15 + delivery 35 - commission 15.03: the fee goes whole to the cooperative");
    }

    [Fact]
    public void Given_rates_changed_after_an_order_When_the_order_is_frozen_Then_it_keeps_the_rates_in_force_when_it_was_placed()
    {
        var schedule = new CommissionSchedule();
        schedule.Apply(new CommissionRatesSet(0.10m, new Dictionary<string, decimal>(), T0, Guid.Empty));
        schedule.Apply(new CommissionRatesSet(0.20m, new Dictionary<string, decimal> { ["honey"] = 0.05m }, T0.AddHours(1), Guid.Empty));

        schedule.At(T0.AddMinutes(59), 0.3m).RateFor("honey").Should().Be(0.10m);
        schedule.At(T0.AddHours(1), 0.3m).RateFor("honey").Should().Be(0.05m);
        schedule.At(T0.AddHours(1), 0.3m).RateFor("saffron").Should().Be(0.20m);
        schedule.At(T0.AddSeconds(-1), 0.3m).RateFor("honey").Should().Be(0.3m, "before any rate was set, the configured default applies");
    }
}
