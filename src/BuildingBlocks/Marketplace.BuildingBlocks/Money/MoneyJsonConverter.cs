using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.BuildingBlocks;

/// <summary>
/// Money in JSON: {"amount": 120.00, "currency": "MAD"}; the currency may be left out (MAD).
/// Bad input raises a JsonException, which the HTTP layer answers with a 400.
/// </summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new JsonException("Money is an object: {\"amount\": 120.00, \"currency\": \"MAD\"}.");
        decimal? amount = null;
        var currency = Money.DefaultCurrency;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name?.ToLowerInvariant())
            {
                case "amount" when reader.TokenType == JsonTokenType.Number && reader.TryGetDecimal(out var a):
                    amount = a; break;
                case "amount":
                    throw new JsonException("amount must be a number.");
                case "currency" when reader.TokenType == JsonTokenType.String:
                    currency = reader.GetString()!.ToUpperInvariant(); break;
                case "currency":
                    throw new JsonException("currency must be a string such as \"MAD\".");
                default:
                    reader.Skip(); break;
            }
        }
        if (amount is null) throw new JsonException("amount is required.");
        if (!Money.HasAtMostTwoDecimals(amount.Value)) throw new JsonException("amount has at most 2 decimals.");
        if (!Money.IsCurrencyCode(currency)) throw new JsonException("currency is a 3-letter ISO code such as MAD.");
        return new Money(amount.Value, currency);
    }

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber(options.PropertyNamingPolicy?.ConvertName("Amount") ?? "Amount", value.Amount);
        writer.WriteString(options.PropertyNamingPolicy?.ConvertName("Currency") ?? "Currency", value.Currency);
        writer.WriteEndObject();
    }
}
