namespace Marketplace.Economy.Contracts;

/// <summary>An amount of money as the API writes it: <c>{"amount": 120.00, "currency": "MAD"}</c>.</summary>
public sealed record MoneyValue(decimal Amount, string Currency = MoneyValue.Mad)
{
    public const string Mad = "MAD";
}
