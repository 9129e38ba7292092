using System.Net.Http.Json;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>What the cooperative space's tests need: sellers and a shopper's order through the HTTP API, and signing in in the browser.</summary>
public static class CoopSpaceData
{
    /// <summary>A tiny real PNG (8 x 6), for an uploaded product photo.</summary>
    public static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM40aOBFTEMpAQA/4JHQe0VMhIAAAAASUVORK5CYII=");

    /// <summary>A shopper's cash-on-delivery order (POST /api/orders with an Idempotency-Key); answers its id and number.</summary>
    public static async Task<(Guid Id, string Number)> CashOnDeliveryOrderAsync(this MarketplaceApp app, Guid productId, int quantity)
    {
        var shopper = await app.NewShopperAsync("buyer");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new
            {
                lines = new[] { new { productId, quantity } },
                shippingAddress = new
                {
                    fullName = "Fatima Zahra Ait Lahcen", phone = "0661234567", line1 = "12 rue Al Massira, quartier Dakhla",
                    city = "Agadir", province = "agadir-ida-outanane", postalCode = "80060",
                },
                paymentMethod = "cash_on_delivery",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var placed = await (await shopper.Client.SendAsync(request)).ShouldHaveStatus(201);
        var order = await placed.Json();
        return (order["id"]!.GetValue<Guid>(), order["number"]!.GetValue<string>());
    }

    /// <summary>Signs in through the sign-in page, in <paramref name="lang"/>, and lands on <paramref name="then"/>.</summary>
    public static async Task SignInAsync(this IPage page, TestUser user, string lang, string then = "/coop")
    {
        await page.GotoAsync($"/account/login?lang={lang}&ReturnUrl={Uri.EscapeDataString(then)}");
        await page.Locator("#Email").FillAsync(user.Email);
        await page.Locator("#Password").FillAsync(user.Password);
        await page.Locator("main form button[type=submit]").ClickAsync();
        try { await page.WaitForURLAsync("**" + then); }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Signed in, expected {then}, still on {page.Url}: {await page.TextContentAsync("main")}", e);
        }
    }

    /// <summary>Nothing is wider than the screen (no sideways scrolling on a 360 px phone).</summary>
    public static async Task FitsTheScreenAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load); // its stylesheet applied (a click's navigation may still be loading it)
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
            .Should().BeTrue($"{page.Url} fits the width of the screen");
    }

    /// <summary>The text of the page's confirmation (role=status) or refusal (role=alert).</summary>
    public static async Task<string> NoticeAsync(IPage page) => (await page.Locator("main [role=status]").First.TextContentAsync())?.Trim() ?? "";

    public static async Task<string> AlertAsync(IPage page) => (await page.Locator("main [role=alert]").First.TextContentAsync())?.Trim() ?? "";
}
