using Marketplace.Catalogue.Search;

namespace Marketplace.Catalogue.Tests.Unit;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("زيت الأركان", "زيت الاركان")]          // hamza above
    [InlineData("إكليل", "اكليل")]                    // hamza below
    [InlineData("آملو", "املو")]                      // madda
    [InlineData("ٱلعسل", "العسل")]                    // alef wasla
    [InlineData("مَعْجُون", "معجون")]                  // diacritics
    [InlineData("عسـل", "عسل")]                       // tatweel
    [InlineData("حلوى", "حلوي")]                      // alef maqsura
    [InlineData("تعاونية", "تعاونيه")]                // ta marbuta
    [InlineData("٢٥٠ مل", "250 مل")]                  // Arabic-Indic digits
    [InlineData("Crème d’Argan ÉPINEUSE", "creme d'argan epineuse")]
    public void Folding_removes_what_a_shopper_may_or_may_not_type(string text, string folded) =>
        TextFolding.Fold(text).Should().Be(folded);

    [Fact]
    public void Words_leave_out_french_elisions_and_one_letter_words() =>
        TextFolding.Words(TextFolding.Fold("L’huile d'argan, qu'on presse à froid - 250ml")).Should()
            .Equal("huile", "argan", "on", "presse", "froid", "250ml");

    [Theory]
    [InlineData("الاركان", "ارك")]
    [InlineData("اركان", "ارك")]
    [InlineData("والعسل", "عسل")]
    [InlineData("بالزعفران", "زعفر")]
    [InlineData("زعفران", "زعفر")]
    [InlineData("للتجميل", "تجميل")]
    [InlineData("التمور", "تمور")]
    [InlineData("زيت", "زيت")]          // too short to strip
    [InlineData("argan", "argan")]      // Latin words are left alone
    public void The_light_arabic_stemmer_finds_a_word_with_or_without_its_article(string word, string stem) =>
        TextFolding.StemArabic(word).Should().Be(stem);

    [Fact]
    public void A_query_keeps_its_meaningful_words_each_with_its_arabic_stem()
    {
        var query = SearchQuery.Parse("Huile de l'argan et زيت الأركان");
        query.Terms.Should().Equal(("huile", "huile"), ("argan", "argan"), ("زيت", "زيت"), ("ارك", "الاركان"));
    }

    [Fact]
    public void A_query_of_punctuation_or_small_words_is_empty() =>
        SearchQuery.Parse(" ' - de la ").IsEmpty.Should().BeTrue();
}
