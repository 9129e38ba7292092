using Marketplace.Invoicing.Documents;

namespace Marketplace.Invoicing.Tests.Unit;

/// <summary>Arabic made drawable by a left-to-right drawer: contextual forms (U+FE70–U+FEFF), lam-alef ligatures, visual order.</summary>
public sealed class ArabicShapingTests
{
    // تعاونية: initial ت, medial ع, final ا; و isolated (ا joins nothing after it); initial ن, medial ي, final ة — drawn reversed.
    const string Cooperative = "\uFE94\uFEF4\uFEE7\uFEED\uFE8E\uFECC\uFE97";

    [Fact]
    public void Lam_then_alef_is_one_ligature() => ArabicShaping.Visual("لا").Should().Be("\uFEFB");

    [Fact]
    public void Lam_alef_after_a_joining_letter_takes_its_final_form() => ArabicShaping.Visual("بلا").Should().Be("\uFEFC\uFE91");

    [Fact]
    public void Salam_is_initial_sin_final_lam_alef_and_isolated_mim_reversed() =>
        // سلام has 4 letters but 3 glyphs: the lam-alef ligature is mandatory in Arabic script.
        ArabicShaping.Visual("سلام").Should().Be("\uFEE1\uFEFC\uFEB3");

    [Fact]
    public void A_word_gets_initial_medial_and_final_forms_reversed() =>
        ArabicShaping.Visual("محمد").Should().Be("\uFEAA\uFEE4\uFEA4\uFEE3");

    [Fact]
    public void Right_joining_letters_do_not_join_the_next_letter() =>
        ArabicShaping.Visual("دار").Should().Be("\uFEAD\uFE8D\uFEA9");

    [Fact]
    public void Harakat_are_dropped() => ArabicShaping.Visual("سَلَامٌ").Should().Be(ArabicShaping.Visual("سلام"));

    [Fact]
    public void A_text_without_Arabic_is_unchanged()
    {
        const string latin = "Coopérative Tifawine (Taroudant) 12,50 MAD";
        ArabicShaping.Visual(latin).Should().BeSameAs(latin);
    }

    [Fact]
    public void Arabic_words_come_in_reverse_order() =>
        ArabicShaping.Visual("تعاونية تيفاوين").Should().Be("\uFEE6\uFEF3\uFEED\uFE8E\uFED4\uFEF4\uFE97 " + Cooperative);

    [Fact]
    public void Numbers_and_Latin_keep_their_reading_order()
    {
        ArabicShaping.Visual("تعاونية 12").Should().Be("12 " + Cooperative);
        ArabicShaping.Visual("تعاونية 12ab").Should().Be("12ab " + Cooperative);
        ArabicShaping.Visual("تعاونية C0001-2026, 1 234,50").Should().Be("C0001-2026, 1 234,50 " + Cooperative);
    }

    [Fact]
    public void Brackets_are_mirrored_in_Arabic() => ArabicShaping.Visual("(تعاونية)").Should().Be("(" + Cooperative + ")");
}
