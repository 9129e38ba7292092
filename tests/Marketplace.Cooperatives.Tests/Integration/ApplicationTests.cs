using System.Text;

namespace Marketplace.Cooperatives.Tests.Integration;

[Collection(CooperativesCollection.Name)]
public sealed class ApplicationTests(CooperativesApp app)
{
    [Fact]
    public async Task Given_a_signed_in_user_When_applying_Then_201_pending_and_the_user_owns_it()
    {
        var owner = await app.NewShopperAsync("owner");
        var number = Api.NewRegistrationNumber();

        var response = await owner.Client.PostJson("/api/cooperatives", Api.Application(number));

        var body = await (await response.ShouldHaveStatus(201)).Json();
        var id = body["id"]!.GetValue<Guid>();
        body["status"]!.GetValue<string>().Should().Be("pending");
        response.Headers.Location!.ToString().Should().Be($"/api/cooperatives/{id}");
        var profile = await owner.Client.GetJson($"/api/cooperatives/{id}?lang=en");
        profile["name"]!.GetValue<string>().Should().Be("Tifaout Cooperative");
        profile["names"]!["ar"]!.GetValue<string>().Should().Be("تعاونية تيفاوت");
        profile["registrationNumber"]!.GetValue<string>().Should().Be(number);
        profile["province"]!.GetValue<string>().Should().Be("taroudant");
        profile["provinceName"]!["ar"]!.GetValue<string>().Should().Be("تارودانت");
        profile["phone"]!.GetValue<string>().Should().Be("+212612345678");
        profile["sectors"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("argan", "cosmetics");
        profile["status"]!.GetValue<string>().Should().Be("pending");
        var staff = await owner.Client.GetJson($"/api/cooperatives/{id}/staff");
        staff["items"]!.AsArray().Single()!["userId"]!.GetValue<Guid>().Should().Be(owner.Id);
        staff["items"]![0]!["role"]!.GetValue<string>().Should().Be("owner");
    }

    [Fact]
    public async Task Given_an_owner_When_reading_who_they_are_Then_the_cooperative_and_the_staff_role_show()
    {
        var (owner, id) = await app.PendingAsync();

        var me = await owner.Client.GetJson("/api/accounts/me");

        me["cooperativeIds"]!.AsArray().Select(c => c!.GetValue<Guid>()).Should().Equal(id);
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().BeEquivalentTo("shopper", "cooperative_staff");
    }

    [Fact]
    public async Task Given_language_keys_in_capitals_and_padded_text_When_applying_Then_kept_in_lower_case_and_trimmed()
    {
        var (owner, id) = await app.PendingAsync(new Dictionary<string, object>
        {
            ["name"] = new Dictionary<string, string> { ["FR"] = "  Coopérative Tamri ", ["fr"] = "Tamri bis", ["en"] = " " },
            ["registrationNumber"] = Api.NewRegistrationNumber(), ["province"] = "agadir-ida-outanane", ["sectors"] = new[] { " Honey ", "honey" },
            ["contactEmail"] = " Tamri@Coop.MA ", ["phone"] = "0528-123456",
        });

        var profile = await owner.Client.GetJson($"/api/cooperatives/{id}?lang=en");

        profile["names"]!.AsObject().Select(n => (n.Key, n.Value!.GetValue<string>())).Should().Equal(("fr", "Coopérative Tamri"));
        profile["name"]!.GetValue<string>().Should().Be("Coopérative Tamri");
        profile["description"]!.GetValue<string>().Should().BeEmpty();
        profile["sectors"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("honey");
        profile["contactEmail"]!.GetValue<string>().Should().Be("tamri@coop.ma");
        profile["phone"]!.GetValue<string>().Should().Be("+212528123456");
    }

    [Fact]
    public async Task Given_no_sign_in_When_applying_Then_401() =>
        await (await app.Anonymous().PostJson("/api/cooperatives", Api.Application())).ShouldHaveStatus(401);

    public static TheoryData<string, string> BadApplications => new()
    {
        { """{"registrationNumber":"RC-1","province":"tata","sectors":["dates"],"contactEmail":"a@b.ma","phone":"0612345678"}""", "name" },
        { """{"name":{"fr":"  ","zgh":"ⵜⴰⵎⵓⵏⵜ"},"registrationNumber":"RC-1","province":"tata","sectors":[],"contactEmail":"a@b.ma","phone":"0612345678"}""", "name" },
        { """{"name":{"de":"Genossenschaft"},"registrationNumber":"RC-1","province":"tata","sectors":[],"contactEmail":"a@b.ma","phone":"0612345678"}""", "name" },
        { """{"name":{"fr":"A"},"registrationNumber":"RC-1","province":"casablanca","sectors":[],"contactEmail":"a@b.ma","phone":"0612345678"}""", "province" },
        { """{"name":{"fr":"A"},"registrationNumber":"RC-1","province":"tata","sectors":[],"contactEmail":"not-an-email","phone":"0612345678"}""", "contactEmail" },
        { """{"name":{"fr":"A"},"registrationNumber":"RC-1","province":"tata","sectors":[],"contactEmail":"a@b.ma","phone":"12345"}""", "phone" },
        { """{"name":{"fr":"A"},"registrationNumber":"RC-1","province":"tata","sectors":["a","b","c","d","e","f","g","h","i","j","k"],"contactEmail":"a@b.ma","phone":"0612345678"}""", "sectors" },
        { """{"name":{"fr":"A"},"province":"tata","sectors":[],"contactEmail":"a@b.ma","phone":"0612345678"}""", "registrationNumber" },
    };

    [Theory, MemberData(nameof(BadApplications))]
    public async Task Given_a_bad_field_When_applying_Then_400_with_that_field_in_error(string body, string field)
    {
        var owner = await app.NewShopperAsync();
        var response = await owner.Client.PostAsync("/api/cooperatives", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationProblem(field);
        (await owner.Client.GetJson("/api/accounts/me"))["cooperativeIds"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_registration_number_in_use_When_another_applies_with_it_in_another_spelling_Then_409()
    {
        var number = Api.NewRegistrationNumber();
        await app.PendingAsync(Api.Application(number));
        var other = await app.NewShopperAsync();

        var again = await other.Client.PostJson("/api/cooperatives", Api.Application($" {number.ToLowerInvariant()} "));

        (await again.ShouldBeProblem(409))["code"]!.GetValue<string>().Should().Be("registration_number_taken");
    }

    [Fact]
    public async Task Given_two_applications_with_one_number_at_the_same_moment_Then_one_is_accepted()
    {
        var number = Api.NewRegistrationNumber();
        var applicants = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.NewShopperAsync()));

        var responses = await Task.WhenAll(applicants.Select(a => a.Client.PostJson("/api/cooperatives", Api.Application(number))));

        responses.Select(r => (int)r.StatusCode).Should().BeEquivalentTo([201, 409, 409, 409]);
    }
}
