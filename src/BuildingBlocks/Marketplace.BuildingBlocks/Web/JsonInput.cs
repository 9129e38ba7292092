using System.Text.Json;

namespace Marketplace.BuildingBlocks;

/// <summary>Fields the API accepts in more than one shape, read from request bodies.</summary>
public static class JsonInput
{
    /// <summary>
    /// An amount sent as API.md's Money (<c>{"amount": 12.5, "currency": "MAD"}</c>) or as a plain number: MAD, at most
    /// 2 decimals, below a billion. Null when absent.
    /// </summary>
    public static decimal? Amount(JsonElement? value, string field)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        var number = v.ValueKind == JsonValueKind.Object && v.TryGetProperty("amount", out var a) ? a : v;
        if (v.ValueKind == JsonValueKind.Object && v.TryGetProperty("currency", out var c) && c.ValueKind != JsonValueKind.Null
            && c.GetRawText() != $"\"{Money.DefaultCurrency}\"") // raw: an invalid surrogate cannot be read as a string
            throw new ValidationFailed(field, $"{field} is in MAD.");
        if (number.ValueKind != JsonValueKind.Number || !number.TryGetDecimal(out var amount) || amount >= 1_000_000_000m || amount <= -1_000_000_000m
            || !Money.HasAtMostTwoDecimals(amount))
            throw new ValidationFailed(field, $"{field} is an amount in MAD with at most 2 decimals: {{\"amount\": 12.50, \"currency\": \"MAD\"}}.");
        return amount;
    }

    /// <summary>
    /// A text by language (<c>{"fr": "...", "ar": "..."}</c>), or a plain string taken as Arabic when written in Arabic
    /// letters and as French otherwise. Null when absent.
    /// </summary>
    public static Dictionary<string, string>? Texts(JsonElement? value, string field)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (v.ValueKind == JsonValueKind.String)
        {
            var text = Read(v, field);
            return new Dictionary<string, string> { [text.Any(c => c is >= '\u0600' and <= '\u06FF') ? "ar" : "fr"] = text };
        }
        if (v.ValueKind != JsonValueKind.Object) throw new ValidationFailed(field, $"{field} is a text by language: {{\"fr\": \"...\", \"ar\": \"...\"}}.");
        var texts = new Dictionary<string, string>();
        foreach (var p in v.EnumerateObject())
            if (p.Value.ValueKind == JsonValueKind.String) texts[p.Name] = Read(p.Value, field);
            else if (p.Value.ValueKind != JsonValueKind.Null) throw new ValidationFailed(field, $"{field}.{p.Name} is a text.");
        return texts;
    }

    /// <summary>A JSON string's text; one that PostgreSQL cannot keep (see <see cref="IsStorable"/>) is ValidationFailed.</summary>
    public static string Read(JsonElement text, string field)
    {
        string? value;
        try { value = text.GetString(); }
        catch (InvalidOperationException) { value = null; }
        return value is not null && IsStorable(value) ? value
            : throw new ValidationFailed(field, $"{field} may not hold NUL characters or broken Unicode (a lone surrogate, U+FFFE, U+FFFF).");
    }

    /// <summary>
    /// Text without a NUL character, a lone surrogate or the non-characters U+FFFE and U+FFFF: PostgreSQL text cannot hold
    /// NUL and Unicode normalisation throws on broken UTF-16.
    /// </summary>
    public static bool IsStorable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '\0' or '\uFFFE' or '\uFFFF') return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c)) return false;
        }
        return true;
    }
}
