using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>A shopper books a cooperative's workshop from its page on a phone and pays it with a product in one order.</summary>
[Collection(BrowserCollection.Name)]
public sealed class BookingJourneyTests(BrowserApp app)
{
    [Theory]
    [InlineData("ar", "أضف إلى السلة", "2 شخص")]
    [InlineData("fr", "Ajouter au panier", "2 personne(s)")]
    public async Task A_shopper_books_two_places_of_a_workshop_with_a_product_in_one_order_on_a_phone(string lang, string add, string people)
    {
        var word = ShopData.ArabicWord();
        var host = await app.NewCooperativeAsync($"تعاونية أركان {word}", $"Coopérative Argan {word}");
        var honey = await host.NewProductAsync($"عسل {word}", $"Miel {word}", 90m, category: "honey", unit: "500 g");
        var experience = (await (await (await host.Owner.Client.PostJson($"/api/cooperatives/{host.Id}/experiences", new
        {
            title = new { fr = $"Atelier d'argan {word}", ar = $"ورشة الأركان {word}" }, meetingPoint = "Coopérative, Imouzzer", durationMinutes = 120,
            languages = new[] { "ar", "fr" }, pricePerPerson = 250, cancellation = "72h",
        })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        var slot = (await (await (await host.Owner.Client.PostJson($"/api/cooperatives/{host.Id}/experiences/{experience}/slots", new
        {
            startsAt = DateTime.UtcNow.Date.AddDays(9).ToString("yyyy-MM-dd") + "T09:30", capacity = 6,
        })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        var shopper = await app.NewShopperAsync("visitor");
        var page = await app.NewPageAsync(phone: true, language: lang);
        await page.SignInAsync(shopper, lang, "/");
        await StorefrontTests.AddToCartAsync(page, honey, 1, lang);

        await page.GotoAsync($"/experiences/{experience}?lang={lang}");
        await page.Locator($"input[name=slotId][value='{slot}']").CheckAsync();
        await page.Locator("#participants").FillAsync("2");
        await StorefrontTests.FitsTheScreenAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = add }).ClickAsync();
        await page.WaitForURLAsync("**/cart");
        (await page.TextContentAsync($"tr[data-slot='{slot}']")).Should().Contain(word);
        await page.GotoAsync($"/checkout?lang={lang}");
        (await page.TextContentAsync($"tr[data-slot='{slot}']")).Should().Contain(people);
        await CheckoutJourneyTests.FillAddressAsync(page, Words.Of(lang));
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"booking-checkout-{lang}-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = Words.Of(lang).PlaceOrder }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}$"));

        var orderId = Guid.Parse(page.Url.Split('/').Last());
        var order = await shopper.Client.OrderAsync(orderId);
        order.Amount("total").Should().Be(90m + 500m, "the honey, its delivery free, and two places at 250 MAD");
        order["subOrders"]!.AsArray().Single()!["lines"]!.AsArray().Should().HaveCount(2, "one cooperative: the honey and the booking");
        var seats = (await (await app.Anonymous().GetAsync($"/api/experiences/{experience}")).Json())["slots"]![0]!["seatsLeft"]!.GetValue<int>();
        seats.Should().Be(4);
        await BrowserApp.ScreenshotAsync(page, $"booking-order-{lang}-phone");
    }
}
