using System.Text.Json;
using System.Text.Json.Serialization;

namespace Marketplace.Host.Infrastructure;

/// <summary>
/// Strings of JSON bodies: a NUL character ("\u0000"), a lone surrogate ("\ud800") or the non-characters U+FFFE and
/// U+FFFF are refused as bad input (400).
/// PostgreSQL text cannot hold NUL and Unicode normalisation throws on broken UTF-16: both were 500s.
/// </summary>
internal sealed class SafeStringJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

    private static string? Checked(string? value) =>
        value is null || IsSafe(value) ? value : throw new JsonException("Text may not hold NUL characters or broken Unicode (a lone surrogate, U+FFFE, U+FFFF).");

    public static bool IsSafe(string value) => Marketplace.BuildingBlocks.JsonInput.IsStorable(value);
}
