using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Marketplace.Bench;

/// <summary>
/// The benchmark in CMI's place (the outside world): the callback CMI's server posts once a card pre-authorisation is
/// approved, form-encoded, with the fields of the hosted-payment form and CMI's answer, signed with the store key as
/// API.md "Card payments" says (hash version 3).
/// </summary>
internal static class CmiServer
{
    public const string CallbackPath = "/api/payments/cmi/callback";
    public const string Capture = "ACTION=POSTAUTH";

    /// <summary>The fields of an approved callback for order <paramref name="number"/> of <paramref name="total"/> MAD.</summary>
    public static List<KeyValuePair<string, string>> Approved(string url, string clientId, string storeKey, Guid orderId, string number,
        decimal total, int transaction)
    {
        var now = DateTime.UtcNow;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("clientid", clientId), new("storetype", "3D_PAY_HOSTING"), new("TranType", "PreAuth"), new("currency", "504"),
            new("oid", number), new("amount", total.ToString("0.00", CultureInfo.InvariantCulture)),
            new("okUrl", $"{url}/api/payments/cmi/return/{orderId}?outcome=ok"), new("failUrl", $"{url}/api/payments/cmi/return/{orderId}?outcome=fail"),
            new("callbackUrl", $"{url}{CallbackPath}"), new("rnd", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10))),
            new("lang", "fr"), new("hashAlgorithm", "ver3"), new("encoding", "UTF-8"),
            new("ProcReturnCode", "00"), new("Response", "Approved"), new("mdStatus", "1"), new("ErrMsg", ""),
            new("TransId", $"25{now:yyMMdd}{transaction:0000000}"), new("AuthCode", $"{100000 + transaction % 900000}"),
            new("HostRefNum", $"{now:yyMMdd}{transaction:000000}"), new("maskedCreditCard", "4000 00** **** 0002"),
            new("EXTRA.TRXDATE", now.ToString("yyyyMMdd HH:mm:ss", CultureInfo.InvariantCulture)), new("EXTRA.CARDBRAND", "VISA"),
        };
        fields.Add(new("HASH", Hash(fields, storeKey)));
        return fields;
    }

    /// <summary>
    /// Every field but hash and encoding (names ignoring case), sorted by name ignoring case; in each value \ becomes \\ and
    /// | becomes \|; the values joined with |, then | and the escaped store key; base64 of the SHA-512 digest (UTF-8).
    /// </summary>
    public static string Hash(IEnumerable<KeyValuePair<string, string>> fields, string storeKey)
    {
        var values = fields
            .Where(f => !f.Key.Equals("hash", StringComparison.OrdinalIgnoreCase) && !f.Key.Equals("encoding", StringComparison.OrdinalIgnoreCase))
            .OrderBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
            .Select(f => Escape(f.Value));
        return Convert.ToBase64String(SHA512.HashData(Encoding.UTF8.GetBytes(string.Join('|', values) + "|" + Escape(storeKey))));
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("|", "\\|");
}
