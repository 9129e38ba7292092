using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>Who may enter a cooperative's space, and how someone who works for none applies for one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoopAccessTests(BrowserApp app)
{
    [Fact]
    public async Task A_user_who_is_not_staff_of_the_cooperative_gets_the_403_page_and_an_unknown_one_the_404_page()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var stranger = await app.NewShopperAsync("stranger");
        var page = await app.NewPageAsync();
        await page.SignInAsync(stranger, "fr");

        foreach (var path in new[] { "", "/orders", "/products", "/members", "/staff", "/delivery", "/payout-account", "/balance", "/balance?handler=Statement&month=2026-11", $"/products/{Guid.NewGuid()}" })
        {
            var response = await page.GotoAsync($"/coop/{coop.Id}{path}");
            response!.Status.Should().Be(403, $"/coop/{{id}}{path} is for the cooperative's staff");
            (await page.TextContentAsync("main")).Should().Contain("Vous n'avez pas accès à cette page.");
        }
        await BrowserApp.ScreenshotAsync(page, "coop-403-fr-desktop");

        var refused = await page.APIRequest.PostAsync($"/coop/{coop.Id}/orders?handler=Accept&subOrderId={Guid.NewGuid()}",
            new() { Headers = new Dictionary<string, string> { ["Accept"] = "text/html" } });
        refused.Status.Should().Be(400, "a form posted without the page's antiforgery token is refused");

        (await page.GotoAsync($"/coop/{Guid.NewGuid()}"))!.Status.Should().Be(404);
        (await page.TextContentAsync("main")).Should().Contain("Cette page n'existe pas.");
    }

    [Fact]
    public async Task Staff_who_is_not_the_owner_works_in_the_space_but_gets_403_on_the_payout_account_and_cannot_manage_staff()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var clerk = await app.NewShopperAsync("clerk");
        await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/staff", new { email = clerk.Email })).ShouldHaveStatus(201);
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(clerk, "ar", $"/coop/{coop.Id}/staff");

        (await page.Locator(".staff-list li").CountAsync()).Should().Be(2);
        (await page.TextContentAsync("main")).Should().Contain("وحده مسؤول التعاونية يمكنه إضافة أشخاص أو إزالتهم.");
        (await page.Locator(".coop-nav a[href$='/payout-account']").CountAsync()).Should().Be(0, "the payout account is the owner's");
        (await page.GotoAsync($"/coop/{coop.Id}/payout-account"))!.Status.Should().Be(403);
        (await page.TextContentAsync("main")).Should().Contain("ليس لديك");
        (await page.GotoAsync($"/coop/{coop.Id}/orders"))!.Status.Should().Be(200);
    }

    [Fact]
    public async Task A_user_without_a_cooperative_is_shown_how_to_apply_and_applies_through_the_form()
    {
        var applicant = await app.NewShopperAsync("applicant");
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(applicant, "ar");
        (await page.TextContentAsync("main")).Should().Contain("لا تعمل بعد لحساب أي تعاونية على المنصة.");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-none-ar-phone");
        await page.GetByRole(AriaRole.Link, new() { Name = "تسجيل تعاونيتي" }).ClickAsync();

        await page.GetByLabel("بالعربية").First.FillAsync("تعاونية تيفاوين للأركان");
        await page.GetByLabel("رقم التسجيل").FillAsync($"{Random.Shared.Next(1000, 9999)}/{Random.Shared.Next(10, 99)}");
        await page.GetByLabel("الإقليم").SelectOptionAsync("tiznit");
        await page.GetByLabel("الأنشطة").FillAsync("أركان، عسل");
        await page.GetByLabel("البريد الإلكتروني للتواصل").FillAsync("tifawin@coop.ma");
        await page.GetByLabel("الهاتف").FillAsync("06 61 23 45 67");
        await page.GetByRole(AriaRole.Button, new() { Name = "إرسال الطلب" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("/coop/[0-9a-f-]{36}$"));
        (await CoopSpaceData.NoticeAsync(page)).Should().StartWith("تم إرسال طلبك.");
        (await page.TextContentAsync(".coop-name")).Should().Contain("تعاونية تيفاوين للأركان").And.Contain("في انتظار التحقق");
        (await page.TextContentAsync("main")).Should().Contain("تعاونيتك في انتظار تحقق فريق البرنامج.");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-applied-ar-phone");
        app.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task The_staff_of_another_cooperative_is_refused_its_pages_and_its_orders_even_with_a_valid_form_token()
    {
        var market = new HttpMarket(app);
        var (theirs, mine) = (await market.NewCooperativeAsync(), await market.NewCooperativeAsync());
        var product = await market.NewProductAsync(theirs, 90m, stock: 4);
        var (_, number) = await app.CashOnDeliveryOrderAsync(product.Id, 1);
        var page = await app.NewPageAsync();
        await page.SignInAsync(mine.Owner, "fr", $"/coop/{mine.Id}/orders");

        foreach (var path in new[] { "", "/orders", $"/products/{product.Id}", "/balance", "/members" })
            (await page.GotoAsync($"/coop/{theirs.Id}{path}"))!.Status.Should().Be(403, $"/coop/{{theirs}}{path} is not for another cooperative's staff");
        (await page.GotoAsync($"/coop/{mine.Id}/products/{product.Id}"))!.Status.Should().Be(404, "their product is not one of mine");

        // a form token of my own space, posted to their order queue: the token is good, the rights are not
        await page.GotoAsync($"/coop/{mine.Id}/members");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var subOrderId = (await SubOrderAsync(theirs, number))["id"]!.GetValue<Guid>();
        var refused = await page.APIRequest.PostAsync($"/coop/{theirs.Id}/orders?handler=Accept&subOrderId={subOrderId}",
            new() { Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token) });
        refused.Status.Should().Be(403);
        (await SubOrderAsync(theirs, number))["status"]!.GetValue<string>().Should().Be("placed", "their order is still waiting to be accepted");
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> SubOrderAsync(MarketCooperative coop, string orderNumber)
    {
        var queue = await (await (await coop.Owner.Client.GetAsync($"/api/cooperatives/{coop.Id}/orders")).ShouldHaveStatus(200)).Json();
        return queue["items"]!.AsArray().Single(s => s!["orderNumber"]!.GetValue<string>() == orderNumber)!;
    }
}
