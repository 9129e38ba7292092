using System.Numerics;

namespace Marketplace.Cooperatives.Domain;

/// <summary>
/// A Moroccan RIB: 24 digits (bank 3, city 3, account 16, key 2). Its key is valid when the 24-digit number is
/// divisible by 97. Spaces are allowed on input; the RIB is kept without them.
/// </summary>
internal static class Rib
{
    public const int Length = 24;

    /// <summary>The 24 digits without spaces, or null when the input is not 24 digits (spaces aside).</summary>
    public static string? Normalise(string? input)
    {
        if (input is null) return null;
        var digits = input.Replace(" ", "").Replace("\u00A0", "");
        return digits.Length == Length && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>24 digits whose number is divisible by 97 (exact integer arithmetic, never floating point).</summary>
    public static bool IsValid(string? input) =>
        Normalise(input) is { } digits && BigInteger.Parse(digits) % 97 == 0;

    /// <summary>The key (2 digits) that makes the 22 first digits a valid RIB.</summary>
    public static string KeyFor(string first22Digits)
    {
        if (first22Digits.Length != Length - 2 || !first22Digits.All(char.IsAsciiDigit))
            throw new ArgumentException("The key is computed from 22 digits.", nameof(first22Digits));
        var key = 97 - (int)(BigInteger.Parse(first22Digits) * 100 % 97);
        return key.ToString("00");
    }
}
