using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Marketplace.Certification.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Marketplace.Certification.Tests.Integration;

public sealed class CertificationApp : MarketplaceApp
{
    public HttpMarket Market { get; }
    public CertificationApp() => Market = new HttpMarket(this);

    /// <summary>With Hangfire's server, which sends the cooperative's e-mails to smtp4dev.</summary>
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Marketplace:Jobs:Server"] = "true";
        Smtp4dev.SendMailHere(settings);
        settings["Marketplace:Smtp:From"] = "Coopératives du Souss-Massa <no-reply@test.souss-massa.ma>";
    }
}

/// <summary>API.md "Certificates and labels", through HTTP on a real PostgreSQL, with the daily job run on an injected clock.</summary>
public sealed class CertificateTests(CertificationApp app) : IClassFixture<CertificationApp>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    internal static MultipartFormDataContent Form(string kind, DateOnly validTo, IEnumerable<Guid> products, byte[]? file = null, string name = "cert.pdf")
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" }, { new StringContent($"IGP-ARG-{Guid.NewGuid():N}"[..20]), "identifier" },
            { new StringContent("Normacert"), "issuer" }, { new StringContent(Today.AddYears(-1).ToString("yyyy-MM-dd")), "validFrom" },
            { new StringContent(validTo.ToString("yyyy-MM-dd")), "validTo" },
        };
        foreach (var p in products) form.Add(new StringContent(p.ToString()), "productIds");
        var document = new ByteArrayContent(file ?? Pdf);
        document.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(document, "file", name);
        return form;
    }

    private async Task<int> RunDayAsync(DateOnly day)
    {
        using var scope = app.Services.CreateScope();
        var clock = new FakeTimeProvider(new DateTimeOffset(day.ToDateTime(new TimeOnly(1, 0)), TimeSpan.Zero));
        return await new RunCertificateDayHandler(scope.ServiceProvider.GetRequiredService<ICertificationStore>(), clock).Handle(new RunCertificateDay(), default);
    }

    private async Task<JsonArray> LabelsAsync(Guid productId) => (await app.Market.DetailsAsync(productId))["labels"]!.AsArray();

    private async Task<IReadOnlyList<Guid>> FoundAsync(string label, Guid cooperativeId) =>
        (await (await app.Anonymous().GetAsync($"/api/products?label={label}&cooperativeId={cooperativeId}")).Json())["items"]!.AsArray()
        .Select(i => i!["id"]!.GetValue<Guid>()).ToList();

    [Fact]
    public async Task A_verified_certificate_labels_the_products_it_covers_until_the_day_after_it_expires()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var (oil, other) = (await app.Market.NewProductAsync(coop, 120m, 5), await app.Market.NewProductAsync(coop, 90m, 5));
        (await LabelsAsync(oil.Id)).Should().BeEmpty("IGP is declared, no certificate stands behind it yet");
        var validTo = Today.AddDays(40);
        var submitted = await (await (await coop.Owner.Client.PostAsync($"/api/cooperatives/{coop.Id}/certificates", Form("igp", validTo, [oil.Id])))
            .ShouldHaveStatus(201)).Json();
        submitted["status"]!.GetValue<string>().Should().Be("submitted");
        var id = submitted["id"]!.GetValue<Guid>();
        (await (await app.Anonymous().GetAsync($"/api/cooperatives/{coop.Id}/certificates")).Json())["items"]!.AsArray().Should().BeEmpty();

        var admin = (await app.AdminAsync()).Client;
        (await (await admin.GetAsync("/api/admin/certificates")).Json())["items"]!.AsArray().Should().Contain(c => c!["id"]!.GetValue<Guid>() == id);
        await (await admin.PostJson($"/api/admin/certificates/{id}/verify")).ShouldHaveStatus(200);
        await (await admin.PostJson($"/api/admin/certificates/{id}/verify")).ShouldBeProblem(409);
        var labels = await Poll.UntilAsync(() => LabelsAsync(oil.Id), l => l.Count == 1, what: "the certified label on the product");
        (labels[0]!["code"]!.GetValue<string>(), labels[0]!["certificateId"]!.GetValue<Guid>(), labels[0]!["validTo"]!.GetValue<string>())
            .Should().Be(("IGP", id, validTo.ToString("yyyy-MM-dd")));
        (await LabelsAsync(other.Id)).Should().BeEmpty("the certificate does not cover it");
        (await Poll.UntilAsync(() => FoundAsync("IGP", coop.Id), f => f.Count == 1, what: "search's label filter")).Should().Equal(oil.Id);
        var summary = await (await (await app.Anonymous().GetAsync($"/api/certificates/{id}")).ShouldHaveStatus(200)).Json();
        (summary["issuer"]!.GetValue<string>(), summary["validTo"]!.GetValue<string>()).Should().Be(("Normacert", validTo.ToString("yyyy-MM-dd")));
        summary.AsObject().ContainsKey("documentUrl").Should().BeFalse("the document is for staff and administrators");
        await (await app.Anonymous().GetAsync($"/api/certificates/{id}/document")).ShouldBeProblem(401);
        (await (await coop.Owner.Client.GetAsync($"/api/certificates/{id}/document")).ShouldHaveStatus(200)).Content.Headers.ContentType!.MediaType
            .Should().Be("application/pdf");

        (await RunDayAsync(validTo.AddDays(-20))).Should().Be(1, "its expiry is announced 30 days ahead");
        (await RunDayAsync(validTo.AddDays(-19))).Should().Be(0, "once");
        (await RunDayAsync(validTo)).Should().Be(0, "it is valid on its last day");
        (await RunDayAsync(validTo.AddDays(1))).Should().Be(1);
        await Poll.UntilAsync(() => LabelsAsync(oil.Id), l => l.Count == 0, what: "the label gone the day after validTo");
        (await Poll.UntilAsync(() => FoundAsync("IGP", coop.Id), f => f.Count == 0, what: "search without the label")).Should().BeEmpty();
        var identifier = submitted["identifier"]!.GetValue<string>();
        var mails = await Smtp4dev.WaitForAsync(coop.Owner.Email, m => m.Subject.Contains(identifier), count: 3);
        mails.Select(m => m.Subject).Should().BeEquivalentTo(
            [$"Certificat IGP {identifier} vérifié", $"Le certificat IGP {identifier} prend fin le {validTo:yyyy-MM-dd}", $"Le certificat IGP {identifier} a expiré"],
            "the cooperative is told each step once, in its owner's language");
        (await (await app.Anonymous().GetAsync($"/api/certificates/{id}")).Json())["status"]!.GetValue<string>().Should().Be("expired");
    }

    [Fact]
    public async Task Bad_documents_products_of_others_strangers_and_second_reviews_are_refused_and_change_nothing()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var theirs = await app.Market.NewCooperativeAsync();
        var oil = await app.Market.NewProductAsync(coop, 120m, 5);
        var foreign = await app.Market.NewProductAsync(theirs, 120m, 5);
        var url = $"/api/cooperatives/{coop.Id}/certificates";
        var exe = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 };
        await (await coop.Owner.Client.PostAsync(url, Form("igp", Today.AddDays(90), [oil.Id], exe, "cert.pdf"))).ShouldBeValidationProblem("file");
        await (await coop.Owner.Client.PostAsync(url, Form("igp", Today.AddDays(90), [foreign.Id]))).ShouldBeValidationProblem("productIds");
        await (await coop.Owner.Client.PostAsync(url, Form("halal", Today.AddDays(-1), [oil.Id]))).ShouldBeValidationProblem("kind", "validTo");
        await (await theirs.Owner.Client.PostAsync(url, Form("igp", Today.AddDays(90), [oil.Id]))).ShouldBeProblem(403);
        await (await app.Anonymous().PostAsync(url, Form("igp", Today.AddDays(90), [oil.Id]))).ShouldBeProblem(401);
        await (await coop.Owner.Client.PostJson(url, new { kind = "igp" })).ShouldBeValidationProblem("file");
        (await (await coop.Owner.Client.GetAsync(url)).Json())["items"]!.AsArray().Should().BeEmpty("nothing was recorded");

        var id = (await (await (await coop.Owner.Client.PostAsync(url, Form("aop", Today.AddDays(90), [oil.Id]))).ShouldHaveStatus(201)).Json())["id"];
        var admin = (await app.AdminAsync()).Client;
        await (await coop.Owner.Client.PostJson($"/api/admin/certificates/{id}/verify")).ShouldBeProblem(403);
        await (await admin.PostJson($"/api/admin/certificates/{id}/reject", new { reason = " " })).ShouldBeValidationProblem("reason");
        await (await admin.PostJson($"/api/admin/certificates/{Guid.NewGuid()}/verify")).ShouldBeProblem(404);
        var rejected = await (await (await admin.PostJson($"/api/admin/certificates/{id}/reject", new { reason = "The document is illegible." }))
            .ShouldHaveStatus(200)).Json();
        (rejected["status"]!.GetValue<string>(), rejected["reason"]!.GetValue<string>()).Should().Be(("rejected", "The document is illegible."));
        await (await admin.PostJson($"/api/admin/certificates/{id}/verify")).ShouldBeProblem(409);
        await (await app.Anonymous().GetAsync($"/api/certificates/{id}")).ShouldBeProblem(404);
        (await LabelsAsync(oil.Id)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_product_of_a_food_category_is_published_only_with_a_verified_ONSSA_certificate_covering_it()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var admin = (await app.AdminAsync()).Client;
        await (await coop.Owner.Client.PutJson("/api/admin/categories/honey/food", new { food = true })).ShouldBeProblem(403);
        await (await admin.PutJson("/api/admin/categories/no-such-category/food", new { food = true })).ShouldBeProblem(404);
        await (await admin.PutJson("/api/admin/categories/honey/food", new { food = true })).ShouldHaveStatus(200);
        var created = await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/products", new
        {
            sku = $"HON-{Guid.NewGuid():N}"[..12], category = "honey", name = new { fr = "Miel de thym" }, price = new { amount = 150, currency = "MAD" },
            unit = "jar 500 g", stock = 4, province = "tiznit", foodSafetyNumber = "ONSSA 12.34.567",
        })).ShouldHaveStatus(201)).Json();
        var honey = created["id"]!.GetValue<Guid>();
        var publish = $"/api/cooperatives/{coop.Id}/products/{honey}/publish";
        (await (await coop.Owner.Client.PostJson(publish)).ShouldBeProblem(422))["detail"]!.GetValue<string>().Should().Contain("ONSSA");

        var onssa = (await (await (await coop.Owner.Client.PostAsync($"/api/cooperatives/{coop.Id}/certificates", Form("onssa", Today.AddYears(2), [honey])))
            .ShouldHaveStatus(201)).Json())["id"];
        await (await coop.Owner.Client.PostJson(publish)).ShouldBeProblem(422); // submitted is not verified
        await (await admin.PostJson($"/api/admin/certificates/{onssa}/verify")).ShouldHaveStatus(200);
        await (await coop.Owner.Client.PostJson(publish)).ShouldHaveStatus(200);
        (await LabelsAsync(honey)).Should().BeEmpty("a sanitary authorisation is not a quality label");
        await (await admin.PutJson("/api/admin/categories/honey/food", new { food = false })).ShouldHaveStatus(200);
    }

    [Fact]
    public async Task Food_already_in_the_shop_is_named_when_its_category_is_marked_and_a_published_product_cannot_move_into_it_without_ONSSA()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var admin = (await app.AdminAsync()).Client;
        object Body(string category, int? version = null) => new
        {
            sku = $"CSC-{coop.Id:N}"[..12], category, name = new { fr = "Couscous d'orge" }, price = new { amount = 40, currency = "MAD" },
            unit = "bag 1 kg", stock = 5, province = "tiznit", version,
        };
        async Task<Guid> PublishedAsync(string category, string sku)
        {
            var id = (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/products", new
            {
                sku, category, name = new { fr = "Amlou aux amandes" }, price = new { amount = 90, currency = "MAD" }, unit = "jar 250 g", stock = 5,
                province = "tiznit",
            })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
            await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/products/{id}/publish")).ShouldHaveStatus(200);
            return id;
        }
        var amlou = await PublishedAsync("amlou-spreads", $"AML-{Guid.NewGuid():N}"[..12]);
        var pottery = await PublishedAsync("pottery", $"POT-{Guid.NewGuid():N}"[..12]);

        var marked = await (await (await admin.PutJson("/api/admin/categories/amlou-spreads/food", new { food = true })).ShouldHaveStatus(200)).Json();
        marked["publishedWithoutCertificate"]!.AsArray().Select(p => p!.GetValue<Guid>()).Should().Contain(amlou).And.NotContain(pottery);
        try
        {
            var before = await (await coop.Owner.Client.GetAsync($"/api/products/{pottery}")).Json();
            var moved = await coop.Owner.Client.PutJson($"/api/cooperatives/{coop.Id}/products/{pottery}",
                Body("amlou-spreads", before["version"]!.GetValue<int>()));
            (await moved.ShouldBeProblem(422))["detail"]!.GetValue<string>().Should().Contain("ONSSA");
            (await (await coop.Owner.Client.GetAsync($"/api/products/{pottery}")).Json())["category"]!.GetValue<string>().Should().Be("pottery");
        }
        finally { await (await admin.PutJson("/api/admin/categories/amlou-spreads/food", new { food = false })).ShouldHaveStatus(200); }
    }
}
