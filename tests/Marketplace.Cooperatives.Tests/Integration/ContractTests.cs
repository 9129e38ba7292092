using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Cooperatives.Tests.Integration;

/// <summary>What other modules ask of Cooperatives, through the mediator as they do.</summary>
[Collection(CooperativesCollection.Name)]
public sealed class ContractTests(CooperativesApp app)
{
    [Fact]
    public async Task Given_cooperatives_When_another_module_asks_for_summaries_Then_names_province_and_status_and_unknown_ids_left_out()
    {
        var (_, pending) = await app.PendingAsync(Api.Application(province: "tata", name: new { fr = "Dattes de Tata", ar = "تمور طاطا" }));
        var (_, verified) = await app.VerifiedAsync();

        var summaries = await app.SendAsync(new GetCooperativeSummaries([pending, verified, Guid.NewGuid()]));

        summaries.Should().HaveCount(2);
        var tata = summaries.Single(s => s.Id == pending);
        tata.Name.Should().BeEquivalentTo(new Dictionary<string, string> { ["fr"] = "Dattes de Tata", ["ar"] = "تمور طاطا" });
        tata.Province.Should().Be("tata");
        tata.Status.Should().Be("pending");
        summaries.Single(s => s.Id == verified).Status.Should().Be("verified");
    }

    [Fact]
    public async Task Given_an_unknown_cooperative_or_a_stranger_When_asking_for_access_Then_null_or_no_rights()
    {
        var (_, id) = await app.PendingAsync();
        var stranger = await app.NewShopperAsync();

        (await app.SendAsync(new GetCooperativeAccess(Guid.NewGuid(), stranger.Id))).Should().BeNull();
        var access = (await app.SendAsync(new GetCooperativeAccess(id, stranger.Id)))!;
        access.Should().Be(new CooperativeAccess(id, "pending", IsOwner: false, IsStaff: false));
        access.IsVerified.Should().BeFalse();
        (await app.SendAsync(new GetCooperativesOfUser(stranger.Id))).Should().BeEmpty();
        (await app.SendAsync(new GetPayoutAccount(Guid.NewGuid()))).Should().BeNull();
        (await app.SendAsync(new FindCooperativeByRegistrationNumber("NO-SUCH-NUMBER"))).Should().BeNull();
    }

    [Fact]
    public async Task Given_a_user_who_owns_one_cooperative_and_works_for_another_Then_both_are_theirs()
    {
        var (owner, first) = await app.PendingAsync();
        var (otherOwner, second) = await app.VerifiedAsync();
        await (await otherOwner.Client.PostJson($"/api/cooperatives/{second}/staff", new { email = owner.Email })).ShouldHaveStatus(201);

        (await app.SendAsync(new GetCooperativesOfUser(owner.Id))).Should().Equal(first, second);
        var me = await owner.Client.GetJson("/api/accounts/me");
        me["cooperativeIds"]!.AsArray().Select(c => c!.GetValue<Guid>()).Should().Equal(first, second);
    }
}
