using Marketplace.Catalogue.Contracts;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>GetCategoryNames: the names of the fixed tree for other modules' reports and the administration's commission rates.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class CategoryNamesTests(CatalogueApp app)
{
    [Fact]
    public async Task Given_no_codes_When_asking_the_category_names_Then_every_category_once_each_parent_before_its_children()
    {
        var all = await app.SendAsync(new GetCategoryNames());

        all.Select(c => c.Code).Should().OnlyHaveUniqueItems().And.HaveCount(24).And.Contain("pottery");
        all.Where(c => c.Parent is null).Select(c => c.Code).Should().HaveCount(13).And.StartWith("argan");
        var order = all.Select(c => c.Code).ToList();
        all.Where(c => c.Parent is not null).Should().AllSatisfy(c => order.IndexOf(c.Parent!).Should().BeLessThan(order.IndexOf(c.Code)));
        var oil = all.Single(c => c.Code == "argan-culinary-oil");
        (oil.Parent, oil.Name["ar"], oil.Name["fr"]).Should().Be(("argan", "زيت الأركان الغذائي", "Huile d'argan alimentaire"));
    }

    [Fact]
    public async Task Given_some_codes_When_asking_their_names_Then_only_the_known_ones_answer()
    {
        var names = await app.SendAsync(new GetCategoryNames(["honey", "no-such-category", "dates"]));

        names.Select(c => c.Code).Should().BeEquivalentTo("honey", "dates");
        names.Single(c => c.Code == "dates").Parent.Should().Be("dates-dried-fruit");
        names.Single(c => c.Code == "honey").Name["en"].Should().Be("Honey");
    }
}
