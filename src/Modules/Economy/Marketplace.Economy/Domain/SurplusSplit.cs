namespace Marketplace.Economy.Domain;

internal static class SurplusSplit
{
    /// <summary>
    /// <paramref name="surplus"/> shared pro rata to each member's supplies value, in cents: each share rounded down, the cents
    /// left over go to the largest supplier (the first of them in the given order), so that the shares add up to the surplus
    /// exactly. Members whose supplies come to zero or less get nothing.
    /// </summary>
    public static IReadOnlyList<(Guid MemberId, decimal SuppliesValue, decimal Share)> Split(decimal surplus,
        IReadOnlyList<(Guid MemberId, decimal SuppliesValue)> supplies)
    {
        var counted = supplies.Where(s => s.SuppliesValue > 0).ToList();
        var total = counted.Sum(s => s.SuppliesValue);
        if (total <= 0) return [];
        var cents = decimal.ToInt64(surplus * 100m);
        var shares = counted.Select(s => (s.MemberId, s.SuppliesValue, Cents: (long)Math.Floor(cents * s.SuppliesValue / total))).ToList();
        var largest = shares.IndexOf(shares.MaxBy(s => s.SuppliesValue));
        shares[largest] = shares[largest] with { Cents = shares[largest].Cents + cents - shares.Sum(s => s.Cents) };
        return shares.Select(s => (s.MemberId, s.SuppliesValue, s.Cents / 100m)).ToList();
    }
}
