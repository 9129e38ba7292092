namespace Marketplace.Payouts.Tests.Integration;

/// <param name="Name">in French; <paramref name="ArabicName"/> in Arabic.</param>
public sealed record TestCooperative(Guid Id, TestUser Owner, string Name, string ArabicName);

/// <summary>RIBs with a valid key (97 - (number mod 97)), as Moroccan banks check them.</summary>
public static class Ribs
{
    public static string New()
    {
        var digits = string.Concat(Enumerable.Range(0, 22).Select(_ => Random.Shared.Next(10)));
        var key = 97 - (int)(System.Numerics.BigInteger.Parse(digits + "00") % 97);
        return digits + key.ToString("D2");
    }
}
