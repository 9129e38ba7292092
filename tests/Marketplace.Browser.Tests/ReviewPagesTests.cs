using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Issue 21 through the pages, on a phone: the shopper of a delivered order reviews a product from the order's page (with
/// a hostile text and a private message); the product page shows it as text, in its language and direction; the
/// cooperative reads the private message, replies and reports it from its space; an administrator hides it from the
/// moderation queue, and it leaves the product page and its average.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewPagesTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar", "<b>ممتاز</b> زيت رائع جدا، شكرا للنساء", "ar", "rtl")]
    [InlineData("fr", "<img src=x onerror=alert(1)> Très bonne huile, livrée vite", "fr", "ltr")]
    public async Task A_buyer_reviews_a_delivered_product_the_cooperative_replies_and_an_administrator_hides_it_on_a_phone(string lang,
        string text, string textLang, string dir)
    {
        var word = ShopData.ArabicWord();
        var coop = await app.NewCooperativeAsync($"تعاونية أملو {word}", $"Coopérative Amlou {word}");
        var oil = await coop.NewProductAsync($"زيت أركان {word}", $"Huile d'argan {word}", 150m);
        var shopper = await app.NewShopperAsync("reviewer");
        var order = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (new MarketProduct(oil.Id, "", new(coop.Id, coop.Owner), 150m), 1)));
        var subOrder = order["subOrders"]![0]!["id"]!.GetValue<Guid>();
        foreach (var step in new[] { "accept", "ship", "deliver" })
            await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/orders/{subOrder}/{step}",
                step == "ship" ? new { carrier = "Amana", trackingNumber = "AM-1-MA" } : null)).ShouldHaveStatus(200);

        var page = await app.NewPageAsync(phone: true, language: lang);
        await page.SignInAsync(shopper, lang, $"/orders/{order.Id()}");
        var subject = page.Locator($"[data-review-subject='{oil.Id}']");
        await Poll.UntilAsync(async () => { await page.ReloadAsync(); return await subject.Locator("[data-write-review]").CountAsync(); }, n => n == 1,
            what: "the order page's invitation to review the delivered product");
        await subject.Locator("[data-write-review]").ClickAsync();
        await subject.Locator("input[name=rating][value='4']").CheckAsync();
        await subject.Locator("textarea[name=text]").FillAsync(text);
        await subject.Locator("textarea[name=message]").FillAsync(lang == "ar" ? "العلبة كانت مكسورة قليلا" : "Le carton était un peu abîmé");
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"review-write-{lang}-phone");
        await subject.Locator("[data-submit-review]").ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be(lang == "ar" ? "شكرا على رأيك!" : "Merci pour votre avis !");
        (await subject.Locator("[data-review-text]").TextContentAsync()).Should().Be(text, "the shopper sees her review as written");

        var visitor = await app.NewPageAsync(phone: true, language: lang);
        await visitor.GotoAsync($"/products/{oil.Id}?lang={lang}");
        var shown = visitor.Locator("[data-product-reviews] [data-review-text]");
        (await shown.TextContentAsync()).Should().Be(text, "shown as text, never as HTML");
        (await visitor.Locator("[data-product-reviews] b, [data-product-reviews] img").CountAsync()).Should().Be(0);
        (await shown.GetAttributeAsync("lang"), await shown.GetAttributeAsync("dir")).Should().Be((textLang, dir));
        (await visitor.Locator(".product-info [data-rating]").GetAttributeAsync("data-rating")).Should().Be("4");
        (await visitor.TextContentAsync("[data-product-reviews]")).Should().NotContain("abîmé").And.NotContain("مكسورة", "the private message is the cooperative's");
        await StorefrontTests.FitsTheScreenAsync(visitor);
        await BrowserApp.ScreenshotAsync(visitor, $"review-product-{lang}-phone");

        var search = await app.NewPageAsync(phone: true, language: lang);
        await search.GotoAsync($"/search?lang={lang}&q={Uri.EscapeDataString(word)}");
        await search.Locator("#MinRating").SelectOptionAsync("4");
        await search.Locator("form.filters button.primary").ClickAsync();
        var card = search.Locator(".product-card", new() { HasText = lang == "ar" ? oil.NameAr : oil.NameFr });
        await Poll.UntilAsync(async () => { await search.ReloadAsync(); return await card.Locator("[data-rating]").CountAsync(); }, n => n == 1,
            what: "the product found with at least 4 stars, its stars on its card");
        search.Url.Should().Contain("minRating=4");
        await search.Locator("#MinRating").SelectOptionAsync("");
        await search.Locator("#Sort").SelectOptionAsync("rating");
        await search.Locator("form.filters button.primary").ClickAsync();
        (await card.Locator("[data-rating]").GetAttributeAsync("data-rating")).Should().Be("4");

        var staff = await app.NewPageAsync(phone: true, language: lang);
        await staff.SignInAsync(coop.Owner, lang, $"/coop/{coop.Id}/reviews");
        var review = staff.Locator("[data-coop-review]").First;
        (await review.Locator("[data-private-message]").TextContentAsync()).Should().Contain(lang == "ar" ? "مكسورة" : "abîmé");
        var reply = lang == "ar" ? "شكرا لك، سنحسن التغليف" : "Merci, nous renforçons l'emballage";
        await review.Locator("textarea[name=text]").FillAsync(reply);
        await review.Locator("[data-reply]").ClickAsync();
        (await CoopSpaceData.NoticeAsync(staff)).Should().Be(lang == "ar" ? "تم نشر ردّكم." : "Votre réponse est publiée.");
        await review.Locator("[data-report]").ClickAsync();
        await review.Locator("textarea[name=reason]").FillAsync(lang == "ar" ? "كلمات غير لائقة" : "Balises dans le texte");
        await review.Locator("[data-send-report]").ClickAsync();
        (await CoopSpaceData.NoticeAsync(staff)).Should().Be(lang == "ar" ? "تم إبلاغ الإدارة بالرأي." : "Avis signalé aux administrateurs.");
        await StorefrontTests.FitsTheScreenAsync(staff);
        await BrowserApp.ScreenshotAsync(staff, $"review-coop-{lang}-phone");
        await visitor.ReloadAsync();
        (await visitor.Locator("[data-product-reviews] [data-review-reply]").TextContentAsync()).Should().Contain(reply);

        var admin = await app.AdminPageAsync(phone: true, lang);
        await admin.GotoAsync($"/admin/reviews?lang={lang}");
        var queued = admin.Locator("[data-testid=reviews] li", new() { HasText = text });
        (await queued.Locator("[data-reports]").GetAttributeAsync("data-reports")).Should().Be("1");
        (await queued.TextContentAsync()).Should().NotContain(lang == "ar" ? "مكسورة" : "abîmé", "the private message is not the administrators'");
        await queued.Locator("input[name=reason]").FillAsync(lang == "ar" ? "وسوم في النص" : "Balises HTML");
        await queued.Locator("[data-moderate]").ClickAsync();
        (await CoopSpaceData.NoticeAsync(admin)).Should().Be(lang == "ar" ? "تم إخفاء الرأي." : "Avis masqué.");
        await StorefrontTests.FitsTheScreenAsync(admin);

        await visitor.ReloadAsync();
        (await visitor.Locator("[data-product-reviews] [data-review]").CountAsync()).Should().Be(0, "a hidden review leaves the page");
        (await visitor.Locator(".product-info [data-rating]").CountAsync()).Should().Be(0, "and its average");
        await page.ReloadAsync();
        (await subject.Locator("[data-review-hidden]").CountAsync()).Should().Be(1, "its author is told");
    }
}
