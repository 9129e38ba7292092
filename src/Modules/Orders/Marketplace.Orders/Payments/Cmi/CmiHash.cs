using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Orders.Payments.Cmi;

/// <summary>
/// CMI's hash, version 3 (API.md "Card payments"): every field but <c>hash</c> and <c>encoding</c> (names compared ignoring
/// case), sorted by name ignoring case; in each value <c>\</c> becomes <c>\\</c> and <c>|</c> becomes <c>\|</c>; the values
/// joined with <c>|</c>, then <c>|</c> and the escaped store key; base64 of the SHA-512 digest of that text (UTF-8).
/// </summary>
internal static class CmiHash
{
    public static string Of(IEnumerable<KeyValuePair<string, string>> fields, string storeKey)
    {
        var values = fields
            .Where(f => !f.Key.Equals("hash", StringComparison.OrdinalIgnoreCase) && !f.Key.Equals("encoding", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
            .Select(f => Escape(f.Value));
        var plain = string.Join('|', values) + "|" + Escape(storeKey);
        return Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(plain)));
    }

    /// <summary>The hash a callback carries (its field HASH or hash) is the one of its other fields: compared in constant time.</summary>
    public static bool Verifies(IReadOnlyDictionary<string, string> fields, string storeKey)
    {
        var sent = fields.FirstOrDefault(f => f.Key.Equals("hash", StringComparison.OrdinalIgnoreCase)).Value;
        if (string.IsNullOrEmpty(sent)) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(fields, storeKey)), Encoding.ASCII.GetBytes(sent));
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("|", "\\|");
}
