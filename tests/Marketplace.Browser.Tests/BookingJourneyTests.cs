using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// A shopper books a cooperative's workshop from its page on a phone and pays it with a product in one order; the cooperative
/// sees the visitor in its calendar; the shopper finds the visit (where to meet, what to bring) in their bookings; then in
/// Arabic the cooperative cancels the date from its calendar, in French the shopper cancels the visit.
/// </summary>
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
            languages = new[] { "ar", "fr" }, pricePerPerson = 250, childPrice = 120, cancellation = "72h", bring = new { fr = $"Chapeau {word}", ar = $"قبعة {word}" },
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
        await page.Locator("#children").FillAsync("1");
        await StorefrontTests.FitsTheScreenAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = add }).ClickAsync();
        await page.WaitForURLAsync("**/cart");
        (await page.TextContentAsync($"tr[data-slot='{slot}']")).Should().Contain(word);
        await page.GotoAsync($"/checkout?lang={lang}");
        (await page.TextContentAsync($"tr[data-slot='{slot}']")).Should().Contain(people).And.Contain(lang == "ar" ? "منهم 1 طفل" : "dont 1 enfant");
        await CheckoutJourneyTests.FillAddressAsync(page, Words.Of(lang));
        await StorefrontTests.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"booking-checkout-{lang}-phone");
        await page.GetByRole(AriaRole.Button, new() { Name = Words.Of(lang).PlaceOrder }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/orders/[0-9a-f-]{36}$"));

        var orderId = Guid.Parse(page.Url.Split('/').Last());
        var order = await shopper.Client.OrderAsync(orderId);
        order.Amount("total").Should().Be(90m + 250m + 120m, "the honey, its delivery free, a place at 250 MAD and a child's at 120 MAD");
        order["subOrders"]!.AsArray().Single()!["lines"]!.AsArray().Should().HaveCount(2, "one cooperative: the honey and the booking");
        var seats = (await (await app.Anonymous().GetAsync($"/api/experiences/{experience}")).Json())["slots"]![0]!["seatsLeft"]!.GetValue<int>();
        seats.Should().Be(4);
        await BrowserApp.ScreenshotAsync(page, $"booking-order-{lang}-phone");

        var coop = await app.NewPageAsync(phone: true, language: lang);
        await coop.SignInAsync(host.Owner, lang, $"/coop/{host.Id}/calendar");
        var visitor = coop.Locator($"article[data-slot='{slot}'] tr[data-order='{orderId}']");
        (await visitor.TextContentAsync()).Should().Contain(lang == "ar" ? "فاطمة أيت باها" : "Fatima Ait Baha").And.Contain("06 61 23 45 67")
            .And.Contain(order.Str("number"));
        await StorefrontTests.FitsTheScreenAsync(coop);
        await BrowserApp.ScreenshotAsync(coop, $"booking-calendar-{lang}-phone");

        await page.GotoAsync($"/account/bookings?lang={lang}");
        var booking = page.Locator($"section[data-booking='{slot}']");
        (await booking.TextContentAsync()).Should().Contain("Coopérative, Imouzzer").And.Contain(lang == "ar" ? $"قبعة {word}" : $"Chapeau {word}");
        await StorefrontTests.FitsTheScreenAsync(page);
        if (lang == "ar")
        {
            await coop.Locator($"article[data-slot='{slot}'] summary").ClickAsync();
            await coop.Locator($"#reason-{slot}").FillAsync("عاصفة رملية على الطريق");
            await coop.Locator($"article[data-slot='{slot}'] form button").Last.ClickAsync();
            await coop.Locator($"article[data-slot='{slot}'][data-status='cancelled']").WaitForAsync();
        }
        else
        {
            await booking.Locator("form button").ClickAsync();
            await page.Locator("[role=status]").WaitForAsync();
        }
        await Poll.UntilAsync(async () => (await (await app.Anonymous().GetAsync($"/api/experiences/{experience}")).Json())["slots"]!.AsArray()
            .Select(x => x!["seatsLeft"]!.GetValue<int>()).FirstOrDefault(6), n => n == 6, what: "the two places back");
        await page.GotoAsync($"/account/bookings?lang={lang}");
        (await page.Locator($"section[data-booking='{slot}']").GetAttributeAsync("data-status")).Should().Be("cancelled");
        if (lang == "ar") (await page.Locator($"section[data-booking='{slot}']").TextContentAsync()).Should().Contain("عاصفة رملية على الطريق");
        await BrowserApp.ScreenshotAsync(page, $"booking-cancelled-{lang}-phone");
        await page.GotoAsync($"/orders/{orderId}?lang={lang}");
        (await page.Locator("main").TextContentAsync()).Should().NotContain(lang == "ar" ? $"ورشة الأركان {word}" : $"Atelier d'argan {word}",
            "the order goes on with the honey; the visit is among the cancelled bookings");
    }
}
