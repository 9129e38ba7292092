using System.Globalization;

namespace Marketplace.BuildingBlocks;

/// <summary>
/// An amount of money: a decimal with at most 2 places and an ISO currency (MAD by default).
/// The one rounding rule of the platform is <see cref="Round"/>: half away from zero, to 0.01.
/// </summary>
public sealed record Money
{
    public const string DefaultCurrency = "MAD";
    private const int Places = 2;

    public decimal Amount { get; }
    public string Currency { get; }

    public Money(decimal amount, string currency = DefaultCurrency)
    {
        if (!HasAtMostTwoDecimals(amount))
            throw new ArgumentException($"An amount has at most {Places} decimals: {amount}.", nameof(amount));
        if (!IsCurrencyCode(currency))
            throw new ArgumentException($"A currency is a 3-letter ISO code: '{currency}'.", nameof(currency));
        Amount = amount + 0.00m; // a scale of 2 at least, so 120 is written 120.00
        Currency = currency;
    }

    public static Money Zero(string currency = DefaultCurrency) => new(0m, currency);
    public static Money Mad(decimal amount) => new(amount);

    /// <summary>The rounding rule, written once: half away from zero, to the centime.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, Places, MidpointRounding.AwayFromZero);

    public static bool HasAtMostTwoDecimals(decimal amount) => decimal.Round(amount, Places) == amount;
    public static bool IsCurrencyCode(string? currency) => currency is { Length: 3 } && currency.All(char.IsAsciiLetterUpper);

    /// <summary>Exact conversion to minor units (centimes for MAD), as card gateways expect.</summary>
    public long ToMinorUnits() => decimal.ToInt64(Amount * 100m);
    public static Money FromMinorUnits(long minor, string currency = DefaultCurrency) => new(minor / 100m, currency);

    /// <summary>This amount times a rate (a commission, say), rounded by <see cref="Round"/>.</summary>
    public Money Times(decimal factor) => new(Round(Amount * factor), Currency);

    public Money Negate() => new(-Amount, Currency);
    public bool IsZero => Amount == 0m;
    public bool IsNegative => Amount < 0m;
    public bool IsPositive => Amount > 0m;

    public static Money operator +(Money a, Money b) => new(a.Amount + b.SameCurrencyAs(a).Amount, a.Currency);
    public static Money operator -(Money a, Money b) => new(a.Amount - b.SameCurrencyAs(a).Amount, a.Currency);
    public static Money operator *(Money a, int quantity) => new(a.Amount * quantity, a.Currency);
    public static bool operator >(Money a, Money b) => a.Amount > b.SameCurrencyAs(a).Amount;
    public static bool operator <(Money a, Money b) => a.Amount < b.SameCurrencyAs(a).Amount;
    public static bool operator >=(Money a, Money b) => a.Amount >= b.SameCurrencyAs(a).Amount;
    public static bool operator <=(Money a, Money b) => a.Amount <= b.SameCurrencyAs(a).Amount;

    public static Money Sum(IEnumerable<Money> amounts, string currency = DefaultCurrency) =>
        amounts.Aggregate(Zero(currency), (total, m) => total + m);

    private Money SameCurrencyAs(Money other) => Currency == other.Currency ? this
        : throw new InvalidOperationException($"Cannot mix {Currency} and {other.Currency}.");

    public bool Equals(Money? other) => other is not null && Amount == other.Amount && Currency == other.Currency;
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);
    public override string ToString() => $"{Amount.ToString("0.00", CultureInfo.InvariantCulture)} {Currency}";
}
