using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Cooperatives.Tests.Integration;

/// <summary>What the administration pages ask of Cooperatives, through the mediator as the pages do.</summary>
[Collection(CooperativesCollection.Name)]
public sealed class AdminContractTests(CooperativesApp app)
{
    [Fact]
    public async Task Given_cooperatives_of_every_status_When_listing_for_the_administration_Then_one_status_at_a_time_with_the_counts_of_all()
    {
        var word = $"Ighrem{Guid.NewGuid():N}"[..14];
        var (_, pending) = await app.PendingAsync(Api.Application(province: "tata", name: new { fr = $"Dattes {word}" }));
        var (_, verified) = await app.VerifiedAsync(Api.Application(name: new { fr = $"Safran {word}", ar = $"زعفران {word}" }));
        var admin = await app.AdminAsync();
        await app.SendAsync(new SuspendCooperative(verified, admin.Id, "Contrôle qualité"));
        var before = (await app.SendAsync(new ListCooperativesForAdmin("fr", CooperativeStatus.Pending, PageSize: 1))).CountsByStatus;
        await app.PendingAsync();

        var list = await app.SendAsync(new ListCooperativesForAdmin("ar", CooperativeStatus.Suspended, Q: word));
        list.Items.Should().ContainSingle().Which.Should().Match<AdminCooperativeItem>(c =>
            c.Id == verified && c.Name == $"زعفران {word}" && c.Status == "suspended" && c.SuspendedAt != null && c.VerifiedAt != null);
        (await app.SendAsync(new ListCooperativesForAdmin("fr", CooperativeStatus.Pending, "tata", word))).Items.Select(c => c.Id)
            .Should().Equal(pending);
        (await app.SendAsync(new ListCooperativesForAdmin("fr", Q: word))).Total.Should().Be(2, "no status: every status");
        list.CountsByStatus["pending"].Should().Be(before["pending"] + 1, "the counts ignore the filters");
        list.CountsByStatus["suspended"].Should().Be(before["suspended"]);

        var refused = await FluentActions.Awaiting(() => app.SendAsync(new ListCooperativesForAdmin("fr", "closed", "casablanca")))
            .Should().ThrowAsync<ValidationFailed>();
        refused.Which.Errors.Keys.Should().BeEquivalentTo("status", "province");
    }

    [Fact]
    public async Task Given_a_suspended_cooperative_When_the_administration_reads_it_Then_its_reason_members_and_history_and_reinstating_ends_it()
    {
        var (owner, id) = await app.VerifiedAsync();
        var admin = await app.AdminAsync();
        await (await owner.Client.PostJson($"/api/cooperatives/{id}/members", new { fullName = "Aicha Oubella", role = "president",
            joinedOn = "2012-03-01", gender = "female" })).ShouldHaveStatus(201);
        (await app.SendAsync(new SuspendCooperative(id, admin.Id, "  Autorisation ONSSA expirée  "))).Should().Be("suspended");

        var profile = await app.SendAsync(new GetCooperativeForAdmin(id, "en"));
        profile.Should().Match<AdminCooperativeProfile>(p => p.Status == "suspended" && p.Name == "Tifaout Cooperative"
            && p.SuspensionReason == "Autorisation ONSSA expirée" && p.StaffCount == 1 && p.PayoutMethod == null);
        profile.Members.Current.Should().Be(1);
        profile.Members.ByRole["president"].Should().Be(1);
        profile.Members.ByGender["female"].Should().Be(1);

        var history = await app.SendAsync(new GetCooperativeHistoryForAdmin(id, admin.Id));
        history.Items.Select(e => e.Action).Should().Equal("applied", "verified", "member_added", "suspended");
        history.Items[^1].Details["reason"].Should().Be("Autorisation ONSSA expirée");
        history.Items[^1].By.Should().Be(admin.Id);

        (await app.SendAsync(new ReinstateCooperative(id, admin.Id))).Should().Be("verified");
        (await app.SendAsync(new GetCooperativeForAdmin(id, "fr"))).SuspensionReason.Should().BeNull();
        var again = await FluentActions.Awaiting(() => app.SendAsync(new ReinstateCooperative(id, admin.Id))).Should().ThrowAsync<DomainRuleViolated>();
        again.Which.Code.Should().Be("illegal_status_change");
        await FluentActions.Awaiting(() => app.SendAsync(new GetCooperativeForAdmin(Guid.NewGuid(), "fr"))).Should().ThrowAsync<NotFound>();
    }

    [Fact]
    public async Task Given_a_new_verified_cooperative_with_members_When_asking_the_programme_figures_Then_it_counts_in_its_province_and_members()
    {
        var before = await app.SendAsync(new GetCooperativeFigures());
        var (owner, id) = await app.VerifiedAsync(Api.Application(province: "tiznit"));
        foreach (var (name, role, gender) in new[] { ("Fadma Aït Baha", "president", "female"), ("Lahcen Idbrahim", "member", "male"),
                     ("Itto Amzil", "member", (string?)null) })
            await (await owner.Client.PostJson($"/api/cooperatives/{id}/members", new { fullName = name, role, joinedOn = "2020-01-15", gender }))
                .ShouldHaveStatus(201);
        await app.PendingAsync(Api.Application(province: "tiznit"));

        var after = await app.SendAsync(new GetCooperativeFigures());
        after.Total.Should().Be(before.Total + 2);
        after.ByStatus["verified"].Should().Be(before.ByStatus["verified"] + 1);
        var tiznit = after.ByProvince.Single(p => p.Province == "tiznit");
        var tiznitBefore = before.ByProvince.Single(p => p.Province == "tiznit");
        (tiznit.Verified, tiznit.Pending, tiznit.Members).Should().Be((tiznitBefore.Verified + 1, tiznitBefore.Pending + 1, tiznitBefore.Members + 3));
        tiznit.Name["ar"].Should().Be("تيزنيت");
        after.ByProvince.Select(p => p.Province).Should().Equal(Provinces.All.Select(p => p.Code));
        after.Members.Current.Should().Be(before.Members.Current + 3);
        after.Members.ByGender["female"].Should().Be(before.Members.ByGender["female"] + 1);
        after.Members.ByGender["unspecified"].Should().Be(before.Members.ByGender["unspecified"] + 1);
        after.Members.ByRole["member"].Should().Be(before.Members.ByRole["member"] + 2);
    }
}
