using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Marketplace.BuildingBlocks.Tests.Unit;

public sealed class MoneyTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new MoneyJsonConverter() } };

    [Theory]
    [InlineData(0.005, 0.01)]
    [InlineData(-0.005, -0.01)]
    [InlineData(1.234, 1.23)]
    [InlineData(1.235, 1.24)]
    [InlineData(2.675, 2.68)]
    public void Rounding_is_half_away_from_zero_to_the_centime(decimal raw, decimal rounded) =>
        Money.Round(raw).Should().Be(rounded);

    [Fact]
    public void Commission_is_rounded_by_the_one_rule() =>
        Money.Mad(33.33m).Times(0.15m).Should().Be(Money.Mad(5.00m)); // 4.9995 -> 5.00

    [Fact]
    public void More_than_two_decimals_is_refused() =>
        FluentActions.Invoking(() => Money.Mad(1.001m)).Should().Throw<ArgumentException>();

    [Theory]
    [InlineData("mad")]
    [InlineData("MADX")]
    [InlineData("")]
    public void A_currency_is_a_three_letter_upper_case_code(string currency) =>
        FluentActions.Invoking(() => new Money(1m, currency)).Should().Throw<ArgumentException>();

    [Fact]
    public void Currencies_are_never_mixed()
    {
        FluentActions.Invoking(() => Money.Mad(1m) + new Money(1m, "EUR")).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => Money.Mad(1m) > new Money(1m, "EUR")).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(120.00, 12000)]
    [InlineData(0.01, 1)]
    [InlineData(99999999.99, 9999999999)]
    [InlineData(-3.5, -350)]
    public void Minor_units_convert_exactly_both_ways(decimal amount, long centimes)
    {
        Money.Mad(amount).ToMinorUnits().Should().Be(centimes);
        Money.FromMinorUnits(centimes).Should().Be(Money.Mad(amount));
    }

    [Property]
    public Property Any_centime_amount_survives_the_trip_to_minor_units_and_back() =>
        Prop.ForAll(ArbMap.Default.ArbFor<long>(), centimes =>
            Money.FromMinorUnits(centimes % 100_000_000_000L).ToMinorUnits() == centimes % 100_000_000_000L);

    [Property]
    public Property Addition_of_centime_amounts_is_exact(long a, long b)
    {
        var (x, y) = (a % 1_000_000_000_000L, b % 1_000_000_000_000L);
        return ((Money.FromMinorUnits(x) + Money.FromMinorUnits(y)).ToMinorUnits() == x + y).ToProperty();
    }

    [Fact]
    public void Json_is_an_object_with_a_number_of_two_decimals_and_the_currency()
    {
        JsonSerializer.Serialize(Money.Mad(120m), Json).Should().Be("""{"amount":120.00,"currency":"MAD"}""");
        JsonSerializer.Deserialize<Money>("""{"amount": 45.5}""", Json).Should().Be(Money.Mad(45.50m));
    }

    [Theory]
    [InlineData("""{"amount": 1.001}""")]
    [InlineData("""{"amount": "12"}""")]
    [InlineData("""{"currency": "MAD"}""")]
    [InlineData("""{"amount": 1, "currency": "dirham"}""")]
    [InlineData("""12.5""")]
    public void Bad_json_money_is_a_json_error_that_the_api_answers_with_400(string json) =>
        FluentActions.Invoking(() => JsonSerializer.Deserialize<Money>(json, Json)).Should().Throw<JsonException>();
}
