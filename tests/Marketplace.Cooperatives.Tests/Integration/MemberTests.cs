using System.Text;

namespace Marketplace.Cooperatives.Tests.Integration;

[Collection(CooperativesCollection.Name)]
public sealed class MemberTests(CooperativesApp app)
{
    [Fact]
    public async Task Given_staff_When_recording_members_Then_201_and_the_list_counts_current_members_by_role_and_gender()
    {
        var (owner, id) = await app.VerifiedAsync();
        var staff = await app.NewStaffAsync(owner, id);
        var url = $"/api/cooperatives/{id}/members";

        var president = await (await (await staff.Client.PostJson(url, new { fullName = "Aicha Oubella", role = "president", joinedOn = "2012-03-01",
            gender = "female", sharesSubscribed = 20 })).ShouldHaveStatus(201)).Json();
        await (await staff.Client.PostJson(url, new { fullName = "Fatima Id Ali", role = "Vice-President", joinedOn = "2012-03-01", gender = "female" }))
            .ShouldHaveStatus(201);
        await (await staff.Client.PostJson(url, new { fullName = "Brahim Ait Said", role = "treasurer", joinedOn = "2014-06-15", gender = "male", sharesSubscribed = 5 }))
            .ShouldHaveStatus(201);
        var leaving = await (await (await owner.Client.PostJson(url, new { fullName = "Khadija Amrani", role = "member", joinedOn = "2016-01-10" }))
            .ShouldHaveStatus(201)).Json();
        await (await staff.Client.PostJson(url, new { fullName = "Zahra Bouzid", role = "member", joinedOn = "2018-09-01" })).ShouldHaveStatus(201);
        president["role"]!.GetValue<string>().Should().Be("president");
        president["joinedOn"]!.GetValue<string>().Should().Be("2012-03-01");

        var left = await (await staff.Client.PostJson($"{url}/{leaving["id"]}/leave", new { leftOn = "2024-12-31" })).ShouldHaveStatus(200);
        (await left.Json())["leftOn"]!.GetValue<string>().Should().Be("2024-12-31");
        var updated = await staff.Client.PutJson($"{url}/{president["id"]}", new { fullName = "Aïcha Oubella", role = "president",
            joinedOn = "2012-03-01", gender = "female", sharesSubscribed = 25 });
        (await (await updated.ShouldHaveStatus(200)).Json())["sharesSubscribed"]!.GetValue<int>().Should().Be(25);

        var list = await staff.Client.GetJson(url);
        list["total"]!.GetValue<int>().Should().Be(5);
        list["items"]!.AsArray().Select(m => m!["fullName"]!.GetValue<string>())
            .Should().Equal("Aïcha Oubella", "Fatima Id Ali", "Brahim Ait Said", "Zahra Bouzid", "Khadija Amrani");
        var counts = list["counts"]!;
        counts["current"]!.GetValue<int>().Should().Be(4);
        counts["left"]!.GetValue<int>().Should().Be(1);
        counts["byRole"]!["president"]!.GetValue<int>().Should().Be(1);
        counts["byRole"]!["vice_president"]!.GetValue<int>().Should().Be(1);
        counts["byRole"]!["member"]!.GetValue<int>().Should().Be(1);
        counts["byRole"]!["secretary"]!.GetValue<int>().Should().Be(0);
        counts["byGender"]!["female"]!.GetValue<int>().Should().Be(2);
        counts["byGender"]!["male"]!.GetValue<int>().Should().Be(1);
        counts["byGender"]!["unspecified"]!.GetValue<int>().Should().Be(1);
        counts["sharesSubscribed"]!.GetValue<int>().Should().Be(30);
        (await staff.Client.GetJson($"{url}?currentOnly=true"))["total"]!.GetValue<int>().Should().Be(4);
        (await (await staff.Client.PostAsync($"{url}/{leaving["id"]}/leave", null)).ShouldBeProblem(409))["code"]!
            .GetValue<string>().Should().Be("member_already_left");
        (await (await staff.Client.PostJson(url, new { fullName = "Other", role = "president", joinedOn = "2020-01-01" })).ShouldBeProblem(409))["code"]!
            .GetValue<string>().Should().Be("office_taken");
    }

    public static TheoryData<string, string> BadMembers => new()
    {
        { """{"role":"member","joinedOn":"2020-01-01"}""", "fullName" },
        { """{"fullName":"A","role":"chief","joinedOn":"2020-01-01"}""", "role" },
        { """{"fullName":"A","role":"member","joinedOn":"01/02/2020"}""", "joinedOn" },
        { """{"fullName":"A","role":"member","joinedOn":"2999-01-01"}""", "joinedOn" },
        { """{"fullName":"A","role":"member","joinedOn":"2020-01-01","gender":"x"}""", "gender" },
        { """{"fullName":"A","role":"member","joinedOn":"2020-01-01","sharesSubscribed":-1}""", "sharesSubscribed" },
    };

    [Theory, MemberData(nameof(BadMembers))]
    public async Task Given_a_bad_field_When_adding_a_member_Then_400_with_that_field(string body, string field)
    {
        var (owner, id) = await app.VerifiedAsync();
        var response = await owner.Client.PostAsync($"/api/cooperatives/{id}/members", new StringContent(body, Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationProblem(field);
    }

    [Fact]
    public async Task Given_someone_outside_the_cooperative_Then_members_are_neither_seen_nor_changed_by_them()
    {
        var (owner, id) = await app.VerifiedAsync();
        var url = $"/api/cooperatives/{id}/members";
        var member = await (await (await owner.Client.PostJson(url, new { fullName = "Aicha", role = "member", joinedOn = "2020-01-01" }))
            .ShouldHaveStatus(201)).Json();
        var stranger = await app.NewShopperAsync();
        var admin = await app.AdminAsync();
        var body = new { fullName = "X", role = "member", joinedOn = "2020-01-01" };

        await (await app.Anonymous().PostJson(url, body)).ShouldHaveStatus(401);
        await (await stranger.Client.PostJson(url, body)).ShouldBeProblem(403);
        await (await admin.Client.PostJson(url, body)).ShouldBeProblem(403);
        await (await stranger.Client.PutJson($"{url}/{member["id"]}", body)).ShouldBeProblem(403);
        await (await stranger.Client.PostJson($"{url}/{member["id"]}/leave")).ShouldBeProblem(403);
        await (await stranger.Client.GetAsync(url)).ShouldBeProblem(403);
        await (await app.Anonymous().GetAsync(url)).ShouldHaveStatus(401);
        (await admin.Client.GetJson(url))["total"]!.GetValue<int>().Should().Be(1);
        await (await owner.Client.PutJson($"{url}/{Guid.NewGuid()}", body)).ShouldBeProblem(404);
        await (await owner.Client.PostJson($"{url}/{Guid.NewGuid()}/leave")).ShouldBeProblem(404);
        await (await owner.Client.PostJson($"/api/cooperatives/{Guid.NewGuid()}/members", body)).ShouldBeProblem(404);
        await (await admin.Client.GetAsync($"/api/cooperatives/{Guid.NewGuid()}/members")).ShouldBeProblem(404);
    }
}
