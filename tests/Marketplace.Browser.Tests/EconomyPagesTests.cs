using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The members' economy as a cooperative's staff run it from a phone, and as a member reads her own statement.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EconomyPagesTests(BrowserApp app)
{
    private static async Task<Guid> MemberAsync(MarketCooperative coop, string name, string? email = null) =>
        (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/members",
            new { fullName = name, role = "member", joinedOn = "2020-01-01", gender = "female", shares = 4, userEmail = email })).ShouldHaveStatus(201)).Json())
        ["id"]!.GetValue<Guid>();

    [Fact]
    public async Task Staff_record_supplies_and_a_payment_on_a_phone_in_Arabic_and_the_member_reads_her_statement()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var fadmaAccount = await app.NewShopperAsync("fadma");
        var fadma = await MemberAsync(coop, "فاطمة أيت لحسن", fadmaAccount.Email);
        await MemberAsync(coop, "إطو أوباها");
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(coop.Owner, "ar", $"/coop/{coop.Id}/supplies");

        await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل", Exact = true }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for='Input.MemberId']")).Should().Be("اختاري العضوة التي ورّدت.");
        await page.GetByLabel("العضوة").SelectOptionAsync(new SelectOptionValue { Label = "فاطمة أيت لحسن" });
        await page.GetByLabel("المادة").FillAsync("لوز الأركان");
        await page.GetByLabel("الكمية").FillAsync("12,5");
        await page.GetByLabel("ثمن الوحدة (درهم)").FillAsync("16");
        await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل", Exact = true }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().StartWith("فاطمة أيت لحسن: تم تسجيل 12,5 kg");

        (await page.InputValueAsync("#Input_Item")).Should().Be("لوز الأركان", "the form remembers the last item");
        (await page.InputValueAsync("#Input_UnitPrice")).Should().Be("16", "and the last price");
        await page.GetByLabel("العضوة").SelectOptionAsync(new SelectOptionValue { Label = "إطو أوباها" });
        await page.GetByLabel("الكمية").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل", Exact = true }).ClickAsync();
        (await page.TextContentAsync("[data-testid=by-item]")).Should().Contain("لوز الأركان").And.Contain("20,5");
        (await page.TextContentAsync("[data-testid=month-total]")).Should().Contain("328,00");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-supplies-ar-phone");

        await page.GotoAsync($"/coop/{coop.Id}/economy");
        (await page.TextContentAsync("[data-testid=total-owed]")).Should().Contain("328,00");
        await page.GetByRole(AriaRole.Link, new() { Name = "فاطمة أيت لحسن" }).ClickAsync();
        (await page.TextContentAsync("[data-testid=closing]")).Should().Contain("200,00");
        await page.GetByLabel("المبلغ (درهم)").FillAsync("250");
        await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الأداء" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for=Amount]")).Should().StartWith("هذا أكثر مما تدين به التعاونية لها");
        await page.GetByLabel("المبلغ (درهم)").FillAsync("150");
        await page.GetByLabel("محفظة إلكترونية").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الأداء" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().StartWith("تم تسجيل الأداء");
        (await page.TextContentAsync("[data-testid=closing]")).Should().Contain("50,00");
        (await page.TextContentAsync("[data-testid=statement-payments]")).Should().Contain("محفظة إلكترونية");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-statement-ar-phone");

        var hers = await app.NewPageAsync(phone: true);
        await hers.SignInAsync(fadmaAccount, "ar", "/account/memberships");
        await hers.Locator("[data-testid=memberships] a").ClickAsync();
        (await hers.TextContentAsync("[data-testid=closing]")).Should().Contain("50,00");
        (await hers.TextContentAsync("[data-testid=statement-supplies]")).Should().Contain("لوز الأركان").And.NotContain("إطو");
        (await hers.GetAttributeAsync("html", "dir")).Should().Be("rtl");
        await CoopSpaceData.FitsTheScreenAsync(hers);
        await BrowserApp.ScreenshotAsync(hers, "member-statement-ar-phone");
        var other = await hers.GotoAsync($"/coop/{coop.Id}/economy");
        other!.Status.Should().Be(403, "a member reads her statement, not the cooperative's books");
    }

    [Fact]
    public async Task Staff_record_an_assembly_with_its_attendance_and_share_the_surplus_in_French()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var (a, b) = (await MemberAsync(coop, "Aicha Oubella"), await MemberAsync(coop, "Brahim Ait Said"));
        await MemberAsync(coop, "Zahra Bouzid"); // a member who supplied nothing that year: no share
        foreach (var (member, kg) in new[] { (a, 100m), (b, 300m) })
            await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/supplies", new { memberId = member, date = $"{DateTime.UtcNow.Year - 1}-05-02",
                item = "Safran", quantity = kg, unit = "g", unitPrice = 10 })).ShouldHaveStatus(201);
        var page = await app.NewPageAsync();
        await page.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}/assemblies");

        await page.GetByLabel("Aicha Oubella: Présente").CheckAsync();
        await page.GetByLabel("Brahim Ait Said: Représentée").CheckAsync();
        await page.GetByLabel("Décision 1").FillAsync("Approuver les comptes");
        await page.Locator("#Decisions_0__For").FillAsync("2");
        await page.GetByLabel("Procès-verbal").FillAsync("Réunie au siège de la coopérative.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer l'assemblée" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("L'assemblée est enregistrée.");
        (await page.TextContentAsync("[data-testid=quorum]")).Should().Be("quorum atteint");
        (await page.TextContentAsync("[data-testid=assembly]")).Should().Contain("Approuver les comptes").And.Contain("adoptée");

        await page.GetByLabel("Excédent à répartir (MAD)").FillAsync("1000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Répartir l'excédent" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Contain("réparti entre 2 membres");
        var shares = await page.TextContentAsync("[data-testid=surplus-shares]");
        shares.Should().Contain("Brahim Ait Said").And.Contain("750,00").And.Contain("250,00").And.NotContain("Zahra");
        (await page.Locator("#Surplus").CountAsync()).Should().Be(0, "a surplus is shared once");
        await BrowserApp.ScreenshotAsync(page, "coop-assembly-fr-desktop");

        var name = (await (await app.Anonymous().GetAsync($"/api/cooperatives/{coop.Id}?lang=fr")).Json())["name"]!.GetValue<string>();
        var admin = await app.NewPageAsync();
        await admin.SignInAsync(await app.AdminAsync(), "fr", "/admin/dashboard");
        var income = await admin.Locator("[data-testid=members-income] tr", new() { HasText = name }).TextContentAsync();
        income.Should().Contain("000,00", "the programme sees the surplus its members shared").And.NotContain("Brahim", "and never a member's own figures");
    }
}
