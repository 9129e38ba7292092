using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;

namespace Marketplace.Cooperatives.Tests.Unit;

public sealed class RibAndPhoneTests
{
    // 22 digits (bank 230, city 780, account 0000123456789012); key = 97 - (n * 100 mod 97) = 82, computed by hand.
    private const string ValidRib = "230780000012345678901282";

    [Fact]
    public void Given_24_digits_divisible_by_97_Then_the_rib_is_valid()
    {
        Rib.IsValid(ValidRib).Should().BeTrue();
        Rib.KeyFor("2307800000123456789012").Should().Be("82");
        Rib.IsValid("1810000001234567890123" + Rib.KeyFor("1810000001234567890123")).Should().BeTrue();
    }

    [Fact]
    public void Given_spaces_in_the_rib_Then_it_is_valid_and_kept_without_them()
    {
        Rib.IsValid("230 780 0000123456789012 82").Should().BeTrue();
        Rib.Normalise(" 230 780 0000123456789012 82 ").Should().Be(ValidRib);
    }

    [Theory]
    [InlineData("230780000012345678901283")] // wrong key
    [InlineData("230780000012345678901228")] // key digits swapped
    [InlineData("330780000012345678901282")] // a digit changed
    [InlineData("23078000001234567890128")]  // 23 digits
    [InlineData("2307800000123456789012820")] // 25 digits
    [InlineData("23078000001234567890128A")] // a letter
    [InlineData("230-780-0000123456789012-82")] // dashes
    [InlineData("")]
    public void Given_a_bad_rib_Then_it_is_refused(string rib) => Rib.IsValid(rib).Should().BeFalse();

    [Theory]
    [InlineData("+212 6 12 34 56 78", "+212612345678")]
    [InlineData("+212 612-345678", "+212612345678")]
    [InlineData("06 12 34 56 78", "+212612345678")]
    [InlineData("0612345678", "+212612345678")]
    [InlineData("05.28.12.34.56", "+212528123456")]
    [InlineData("00212 7 12 34 56 78", "+212712345678")]
    [InlineData("+212 (0)6 12 34 56 78", "+212612345678")]
    [InlineData("+33 6 12 34 56 78", "+33612345678")]
    [InlineData("+1 (415) 555-2671", "+14155552671")]
    public void Given_a_moroccan_or_international_phone_Then_it_is_kept_in_international_form(string input, string expected) =>
        PhoneNumber.Normalise(input).Should().Be(expected);

    [Theory]
    [InlineData("12345")]
    [InlineData("0412345678")]
    [InlineData("06123456")]
    [InlineData("+212 6 12 34 56")]
    [InlineData("+212 6 12 34 56 78 90")]
    [InlineData("call me")]
    [InlineData("+0 123 456 789")]
    public void Given_something_else_Then_it_is_not_a_phone(string input) => PhoneNumber.IsValid(input).Should().BeFalse();
}
