using System.Text.Json;

namespace Marketplace.ArchitectureTests;

/// <summary>Every visible text of the pages exists in Arabic, French and English (Tifinagh where known).</summary>
public sealed class PageTextsTests
{
    private static Dictionary<string, string> Texts(string language) =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Resources"), $"*.{language}.json")
            .SelectMany(f => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(f))!)
            .ToDictionary(t => t.Key, t => t.Value); // a key defined twice (in two areas) throws here

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public void Every_french_text_exists_in_the_other_main_languages(string language) =>
        Texts("fr").Keys.Except(Texts(language).Keys).Should().BeEmpty();

    [Theory]
    [InlineData("ar")]
    [InlineData("fr")]
    [InlineData("en")]
    public void No_text_is_empty(string language) =>
        Texts(language).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key).Should().BeEmpty();

    [Fact]
    public void Arabic_texts_are_written_in_arabic_letters() =>
        Texts("ar").Where(t => !t.Key.StartsWith("lang.") && !t.Value.Any(c => c is >= '\u0600' and <= '\u06FF'))
            .Select(t => t.Key).Should().BeEmpty();
}
