using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Cooperatives.Tests.Integration;

[Collection(CooperativesCollection.Name)]
public sealed class StaffTests(CooperativesApp app)
{
    [Fact]
    public async Task Given_the_owner_When_adding_a_registered_user_by_email_Then_201_and_the_user_works_for_the_cooperative()
    {
        var (owner, id) = await app.VerifiedAsync();
        var clerk = await app.NewShopperAsync("clerk");

        var response = await owner.Client.PostJson($"/api/cooperatives/{id}/staff", new { email = $"  {clerk.Email.ToUpperInvariant()} " });

        var added = await (await response.ShouldHaveStatus(201)).Json();
        added["userId"]!.GetValue<Guid>().Should().Be(clerk.Id);
        added["role"]!.GetValue<string>().Should().Be("staff");
        var me = await clerk.Client.GetJson("/api/accounts/me");
        me["cooperativeIds"]!.AsArray().Select(c => c!.GetValue<Guid>()).Should().Equal(id);
        me["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Contain("cooperative_staff");
        var staff = await clerk.Client.GetJson($"/api/cooperatives/{id}/staff");
        staff["items"]!.AsArray().Select(s => (s!["userId"]!.GetValue<Guid>(), s["role"]!.GetValue<string>()))
            .Should().Equal((owner.Id, "owner"), (clerk.Id, "staff"));
        staff["items"]![1]!["displayName"]!.GetValue<string>().Should().Be("clerk");
        (await app.SendAsync(new GetCooperativeAccess(id, clerk.Id))).Should().Be(new CooperativeAccess(id, "verified", IsOwner: false, IsStaff: true));
        (await app.SendAsync(new GetCooperativeAccess(id, owner.Id))).Should().Be(new CooperativeAccess(id, "verified", IsOwner: true, IsStaff: true));
    }

    [Fact]
    public async Task Given_a_staff_member_When_the_owner_removes_them_Then_204_and_they_no_longer_work_for_it()
    {
        var (owner, id) = await app.VerifiedAsync();
        var clerk = await app.NewStaffAsync(owner, id);

        await (await owner.Client.DeleteAsync($"/api/cooperatives/{id}/staff/{clerk.Id}")).ShouldHaveStatus(204);

        (await clerk.Client.GetJson("/api/accounts/me"))["cooperativeIds"]!.AsArray().Should().BeEmpty();
        await (await clerk.Client.GetAsync($"/api/cooperatives/{id}/staff")).ShouldBeProblem(403);
        (await app.SendAsync(new GetCooperativeAccess(id, clerk.Id)))!.IsStaff.Should().BeFalse();
        await (await owner.Client.DeleteAsync($"/api/cooperatives/{id}/staff/{clerk.Id}")).ShouldBeProblem(404);
        (await (await owner.Client.DeleteAsync($"/api/cooperatives/{id}/staff/{owner.Id}")).ShouldBeProblem(409))["code"]!
            .GetValue<string>().Should().Be("owner_cannot_be_removed");
    }

    [Fact]
    public async Task Given_an_unknown_or_bad_email_or_someone_already_staff_When_adding_Then_400_or_409()
    {
        var (owner, id) = await app.VerifiedAsync();
        var clerk = await app.NewStaffAsync(owner, id);

        var unknown = await (await owner.Client.PostJson($"/api/cooperatives/{id}/staff", new { email = $"nobody-{Guid.NewGuid():N}@x.ma" }))
            .ShouldBeValidationProblem("email");
        unknown["email"]![0]!.GetValue<string>().Should().Contain("register");
        await (await owner.Client.PostJson($"/api/cooperatives/{id}/staff", new { email = "not an e-mail" })).ShouldBeValidationProblem("email");
        (await (await owner.Client.PostJson($"/api/cooperatives/{id}/staff", new { email = clerk.Email })).ShouldBeProblem(409))["code"]!
            .GetValue<string>().Should().Be("already_staff");
    }

    [Fact]
    public async Task Given_someone_who_is_not_the_owner_When_managing_staff_Then_refused()
    {
        var (owner, id) = await app.VerifiedAsync();
        var clerk = await app.NewStaffAsync(owner, id);
        var stranger = await app.NewShopperAsync();
        var admin = await app.AdminAsync();

        await (await app.Anonymous().PostJson($"/api/cooperatives/{id}/staff", new { email = stranger.Email })).ShouldHaveStatus(401);
        await (await clerk.Client.PostJson($"/api/cooperatives/{id}/staff", new { email = stranger.Email })).ShouldBeProblem(403);
        await (await stranger.Client.PostJson($"/api/cooperatives/{id}/staff", new { email = stranger.Email })).ShouldBeProblem(403);
        await (await admin.Client.PostJson($"/api/cooperatives/{id}/staff", new { email = stranger.Email })).ShouldBeProblem(403);
        await (await clerk.Client.DeleteAsync($"/api/cooperatives/{id}/staff/{owner.Id}")).ShouldBeProblem(403);
        await (await app.Anonymous().DeleteAsync($"/api/cooperatives/{id}/staff/{clerk.Id}")).ShouldHaveStatus(401);
        await (await owner.Client.PostJson($"/api/cooperatives/{Guid.NewGuid()}/staff", new { email = stranger.Email })).ShouldBeProblem(404);
        await (await owner.Client.DeleteAsync($"/api/cooperatives/{Guid.NewGuid()}/staff/{clerk.Id}")).ShouldBeProblem(404);
        await (await stranger.Client.GetAsync($"/api/cooperatives/{id}/staff")).ShouldBeProblem(403);
        await (await app.Anonymous().GetAsync($"/api/cooperatives/{id}/staff")).ShouldHaveStatus(401);
        await (await admin.Client.GetAsync($"/api/cooperatives/{Guid.NewGuid()}/staff")).ShouldBeProblem(404);
        (await admin.Client.GetJson($"/api/cooperatives/{id}/staff"))["total"]!.GetValue<int>().Should().Be(2);
        (await stranger.Client.GetJson("/api/accounts/me"))["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Should().Equal("shopper");
    }
}
