using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Programme.Fairs;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Programme.Tests;

public sealed class FairApp : MarketplaceApp
{
    public HttpMarket Market { get; }
    public FairApp() => Market = new HttpMarket(this);

    /// <summary>With Hangfire's server, which sends the invitations to smtp4dev.</summary>
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Jobs:Server"] = "true";
        Smtp4dev.SendMailHere(settings);
    }
}

/// <summary>API.md "The fair and the programme": the fair, its exhibitors' import, their invitations and the stands' QR codes.</summary>
public sealed class FairTests(FairApp app) : IClassFixture<FairApp>
{
    internal static string Csv(params string[] lines) => string.Join("\n", lines.Prepend("name,province,sector,phone,email,stand"));

    private async Task<(HttpClient Admin, Guid FairId)> NewFairAsync()
    {
        var admin = (await app.AdminAsync()).Client;
        var created = await (await (await admin.PostJson("/api/admin/fairs",
            new { name = "Salon régional de l'économie sociale", place = "Agadir, place Al Amal", from = "2026-11-20", to = "2026-11-24" }))
            .ShouldHaveStatus(201)).Json();
        return (admin, created["id"]!.GetValue<Guid>());
    }

    private static Task<HttpResponseMessage> ImportAsync(HttpClient admin, Guid fairId, string csv) =>
        admin.PostAsync($"/api/admin/fairs/{fairId}/exhibitors", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static async Task<JsonNode> AdminExhibitorAsync(HttpClient admin, Guid fairId, string stand) =>
        (await (await admin.GetAsync($"/api/admin/fairs/{fairId}")).Json())["exhibitors"]!.AsArray().Single(e => e!["stand"]!.GetValue<string>() == stand)!;

    [Fact]
    public async Task Only_administrators_create_a_fair_and_its_fields_are_checked()
    {
        var shopper = await app.NewShopperAsync();
        (await shopper.Client.PostJson("/api/admin/fairs", new { name = "x", place = "y", from = "2026-11-20", to = "2026-11-21" }))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        var admin = (await app.AdminAsync()).Client;
        await (await admin.PostJson("/api/admin/fairs", new { name = "", place = "Agadir", from = "2026-11-24", to = "2026-11-20" }))
            .ShouldBeValidationProblem("name", "to");
        await (await admin.PostJson("/api/admin/fairs", new { name = "Salon", place = "Agadir", from = "20/11/2026", to = "2026-11-20" }))
            .ShouldBeValidationProblem("from");
        var (_, fairId) = await NewFairAsync();
        var fair = await (await (await app.Anonymous().GetAsync($"/api/fairs/{fairId}")).ShouldHaveStatus(200)).Json();
        (fair["fair"]!["from"]!.GetValue<string>(), fair["fair"]!["to"]!.GetValue<string>()).Should().Be(("2026-11-20", "2026-11-24"));
        (await app.Anonymous().GetAsync($"/api/fairs/{Guid.NewGuid()}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_line_is_imported_whole_or_reported_and_importing_the_same_file_again_changes_nothing()
    {
        var (admin, fairId) = await NewFairAsync();
        var mail = $"tifawt-{Guid.NewGuid():N}"[..20] + "@test.ma";
        var csv = Csv(
            $"Coopérative Tifawt,Taroudant,saffron,06 61 23 45 67,{mail},A12",
            "تعاونية أمل,تيزنيت,argan,+212 5 28 60 00 00,,a2",
            "Coopérative Izourane,chtouka-ait-baha,honey,12345,izourane@test.ma,B3",
            "Coopérative Tamount,Marrakech,pottery,0661000000,,B4",
            "Coopérative Doublon,tata,dates,0661000001,,A12",
            ",tata,dates,0661000002,,C1",
            "Coopérative Ajddig,Agadir Ida-Outanane,carpets,0661000003,ajddig-at-test.ma,C2");
        var first = await (await (await ImportAsync(admin, fairId, csv)).ShouldHaveStatus(200)).Json();
        (first["imported"]!.GetValue<int>(), first["invited"]!.GetValue<int>()).Should().Be((2, 2));
        first["errors"]!.AsArray().Select(e => e!["line"]!.GetValue<int>()).Should().Equal(4, 5, 6, 7, 8);
        first["errors"]![0]!["message"]!.GetValue<string>().Should().Contain("phone");
        first["errors"]![1]!["message"]!.GetValue<string>().Should().Contain("province");
        first["errors"]![2]!["message"]!.GetValue<string>().Should().Contain("line 2");
        first["errors"]![4]!["message"]!.GetValue<string>().Should().Contain("email");

        var again = await (await (await ImportAsync(admin, fairId, csv)).ShouldHaveStatus(200)).Json();
        (again["imported"]!.GetValue<int>(), again["updated"]!.GetValue<int>(), again["unchanged"]!.GetValue<int>(), again["invited"]!.GetValue<int>())
            .Should().Be((0, 0, 2, 0));
        var exhibitors = (await (await app.Anonymous().GetAsync($"/api/fairs/{fairId}")).Json())["exhibitors"]!.AsArray();
        exhibitors.Select(e => e!["stand"]!.GetValue<string>()).Should().Equal("A2", "A12");
        exhibitors[1]!["province"]!.GetValue<string>().Should().Be("taroudant");
        exhibitors[0]!.AsObject().ContainsKey("phone").Should().BeFalse("contacts are for administrators");
        var a12 = await AdminExhibitorAsync(admin, fairId, "A12");
        (a12["phone"]!.GetValue<string>(), a12["email"]!.GetValue<string>()).Should().Be(("+212661234567", mail));
        var invitation = a12["invitationPath"]!.GetValue<string>();

        var received = (await Smtp4dev.WaitForAsync(mail)).Single();
        received.Subject.Should().Contain("Coopérative Tifawt");
        (await Smtp4dev.TextAsync(received)).Should().Contain($"/invitations/{invitation.Split('/').Last()}");

        var moved = await (await (await ImportAsync(admin, fairId, Csv($"Coopérative Tifawt,Taroudant,saffron,0662000000,{mail},A12")))
            .ShouldHaveStatus(200)).Json();
        (moved["updated"]!.GetValue<int>(), moved["invited"]!.GetValue<int>()).Should().Be((1, 1), "a new phone number gets the invitation again");
        (await AdminExhibitorAsync(admin, fairId, "A12"))["invitationPath"]!.GetValue<string>().Should().Be(invitation, "the link stays the same");
    }

    [Fact]
    public async Task A_file_that_is_not_the_exhibitor_list_changes_nothing()
    {
        var (admin, fairId) = await NewFairAsync();
        await (await ImportAsync(admin, fairId, "nom;ville\nTifawt;Taroudant")).ShouldBeValidationProblem("file");
        var form = new MultipartFormDataContent();
        var bytes = new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0xFF, 0xFE, 0x0A]);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(bytes, "file", "list.csv");
        await (await admin.PostAsync($"/api/admin/fairs/{fairId}/exhibitors", form)).ShouldBeValidationProblem("file");
        (await ImportAsync(admin, Guid.NewGuid(), Csv("Tifawt,taroudant,saffron,0661234567,,A1"))).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await (await app.Anonymous().GetAsync($"/api/fairs/{fairId}")).Json())["exhibitors"]!.AsArray().Should().BeEmpty();

        var semicolons = new MultipartFormDataContent { { new StringContent("stand;name;province;sector;phone;email\nD1;Tifawt;Taroudant;saffron;0661234567;"), "file", "expo.csv" } };
        (await (await (await admin.PostAsync($"/api/admin/fairs/{fairId}/exhibitors", semicolons)).ShouldHaveStatus(200)).Json())["imported"]!
            .GetValue<int>().Should().Be(1, "a French spreadsheet's CSV, sent as a file, with the columns in another order");
    }

    [Fact]
    public async Task A_stand_QR_code_leads_to_the_invitation_then_to_the_cooperative_applied_with_it_once_verified()
    {
        var (admin, fairId) = await NewFairAsync();
        await (await ImportAsync(admin, fairId, Csv("Coopérative Tifawt,Taroudant,saffron,0661234567,,A1"))).ShouldHaveStatus(200);
        var invitationPath = (await AdminExhibitorAsync(admin, fairId, "A1"))["invitationPath"]!.GetValue<string>();
        var token = invitationPath.Split('/').Last();
        var qr = await (await app.Anonymous().GetAsync($"/api/fairs/{fairId}/stands/a1/qr.png")).ShouldHaveStatus(200);
        qr.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        QrDecoder.Decode(await qr.Content.ReadAsByteArrayAsync()).Should().Be($"http://localhost{invitationPath}");
        (await app.Anonymous().GetAsync($"/api/fairs/{fairId}/stands/Z9/qr.png")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);

        var owner = await app.NewShopperAsync("owner");
        var invitation = await (await (await owner.Client.GetAsync($"/api/invitations/{token}")).ShouldHaveStatus(200)).Json();
        (invitation["name"]!.GetValue<string>(), invitation["phone"]!.GetValue<string>(), invitation["province"]!.GetValue<string>())
            .Should().Be(("Coopérative Tifawt", "+212661234567", "taroudant"));
        (await owner.Client.GetAsync("/api/invitations/not-a-token")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        await (await owner.Client.PostJson("/api/cooperatives", Application("not-a-token"))).ShouldBeValidationProblem("invitation");
        var cooperativeId = (await (await (await owner.Client.PostJson("/api/cooperatives", Application(token))).ShouldHaveStatus(201)).Json())["id"]!
            .GetValue<Guid>();

        await Poll.UntilAsync(async () => await AdminExhibitorAsync(admin, fairId, "A1"), e => e["cooperativeId"] is not null,
            TimeSpan.FromSeconds(60), "the exhibitor linked to its cooperative");
        (await AdminExhibitorAsync(admin, fairId, "A1"))["cooperativeStatus"]!.GetValue<string>().Should().Be("pending");
        var other = await app.NewShopperAsync("owner");
        (await other.Client.PostJson("/api/cooperatives", Application(token))).StatusCode.Should().Be(System.Net.HttpStatusCode.Conflict);
        QrDecoder.Decode(await app.Anonymous().GetByteArrayAsync($"/api/fairs/{fairId}/stands/A1/qr.png"))
            .Should().Be($"http://localhost{invitationPath}", "a cooperative not yet verified has no page");

        await (await admin.PostJson($"/api/admin/cooperatives/{cooperativeId}/verify")).ShouldHaveStatus(200);
        QrDecoder.Decode(await app.Anonymous().GetByteArrayAsync($"/api/fairs/{fairId}/stands/A1/qr.png"))
            .Should().Be($"http://localhost/cooperatives/{cooperativeId}");
        (await (await app.Anonymous().GetAsync($"/api/fairs/{fairId}")).Json())["exhibitors"]![0]!["cooperativeId"]!.GetValue<Guid>()
            .Should().Be(cooperativeId);
    }

    [Fact]
    public async Task An_application_event_repeated_late_or_for_a_second_cooperative_links_the_exhibitor_once_to_the_first()
    {
        var (admin, fairId) = await NewFairAsync();
        await (await ImportAsync(admin, fairId, Csv("Coopérative Amal,Tiznit,argan,0661234567,,B7"))).ShouldHaveStatus(200);
        var token = (await AdminExhibitorAsync(admin, fairId, "B7"))["invitationPath"]!.GetValue<string>().Split('/').Last();
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        CooperativeAppliedIntegrationEvent Applied(Guid cooperativeId) =>
            new(Guid.NewGuid(), cooperativeId, new Dictionary<string, string> { ["fr"] = "Amal" }, "tiznit", DateTimeOffset.UtcNow, token);
        var applied = Applied(first);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = app.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(applied);
        }));
        using (var scope = app.Services.CreateScope()) await scope.ServiceProvider.GetRequiredService<IMediator>().Publish(Applied(second));

        (await AdminExhibitorAsync(admin, fairId, "B7"))["cooperativeId"]!.GetValue<Guid>().Should().Be(first);
        await using var session = app.Services.GetRequiredService<IProgrammeStore>().QuerySession();
        (await session.Events.FetchStreamAsync(fairId)).Count(e => e.Data is ExhibitorJoined).Should().Be(1);
    }

    [Fact]
    public async Task An_administrator_links_an_exhibitor_whose_cooperative_was_already_on_the_platform()
    {
        var (admin, fairId) = await NewFairAsync();
        await (await ImportAsync(admin, fairId, Csv("Coopérative Tifawt,Taroudant,saffron,0661234567,,C5", "Coopérative Amal,Tiznit,argan,0661234568,,C6")))
            .ShouldHaveStatus(200);
        var (coop, other) = (await app.Market.NewCooperativeAsync(), await app.Market.NewCooperativeAsync());
        var url = $"/api/admin/fairs/{fairId}/stands/c5/cooperative";
        (await (await app.NewShopperAsync()).Client.PutJson(url, new { cooperativeId = coop.Id })).StatusCode.Should().Be(System.Net.HttpStatusCode.Forbidden);
        await (await admin.PutJson(url, new { registrationNumber = "RC-NO-SUCH-ONE" })).ShouldBeValidationProblem("cooperative");
        await (await admin.PutJson(url, new { cooperativeId = Guid.NewGuid() })).ShouldBeValidationProblem("cooperative");
        var linked = await (await (await admin.PutJson(url, new { cooperativeId = coop.Id })).ShouldHaveStatus(200)).Json();
        (linked["cooperativeId"]!.GetValue<Guid>(), linked["cooperativeStatus"]!.GetValue<string>()).Should().Be((coop.Id, "verified"));
        await (await admin.PutJson(url, new { cooperativeId = coop.Id })).ShouldHaveStatus(200);
        await (await admin.PutJson(url, new { cooperativeId = other.Id })).ShouldBeProblem(409);
        QrDecoder.Decode(await app.Anonymous().GetByteArrayAsync($"/api/fairs/{fairId}/stands/C5/qr.png")).Should().Be($"http://localhost/cooperatives/{coop.Id}");
        await (await admin.PutJson($"/api/admin/fairs/{fairId}/stands/Z1/cooperative", new { cooperativeId = coop.Id })).ShouldBeProblem(404);
        await using var session = app.Services.GetRequiredService<IProgrammeStore>().QuerySession();
        (await session.Events.FetchStreamAsync(fairId)).Count(e => e.Data is ExhibitorJoined).Should().Be(1);
    }

    private static object Application(string invitation) => new
    {
        name = new { fr = "Coopérative Tifawt" }, registrationNumber = $"RC-{Guid.NewGuid():N}"[..20].ToUpperInvariant(), province = "taroudant",
        sectors = new[] { "saffron" }, contactEmail = "tifawt@test.ma", phone = "0661234567", invitation,
    };
}
