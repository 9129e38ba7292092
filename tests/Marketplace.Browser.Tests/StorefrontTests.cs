using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>The storefront before checkout: search, product page, cooperative page and the cart, without JavaScript of the site's own.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StorefrontTests(BrowserApp app)
{
    [Fact]
    public async Task A_visitor_finds_a_product_by_an_arabic_search_and_reads_its_labels_explained_on_a_phone()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية أكلو {word}", $"Coopérative Aglou {word}", province: "tiznit");
        var product = await cooperative.NewProductAsync($"زيت أركان {word}", $"Huile d'argan {word}", 135m, stock: 3,
            category: "argan-culinary-oil", labels: ["IGP", "ORGANIC"], foodSafetyNumber: "AS.12.345.67", unit: "250 ml", withImage: true);
        var page = await app.NewPageAsync(phone: true);

        await page.GotoAsync("/?lang=ar");
        await page.Locator("header input[name=q]").FillAsync($"الأركان {word}");
        await page.Locator("header form[role=search] button").ClickAsync();

        await page.WaitForURLAsync("**/search?q=*");
        (await page.TextContentAsync("h1")).Should().Contain(word);
        var card = page.Locator(".product-card", new() { HasText = product.NameAr });
        (await card.CountAsync()).Should().Be(1);
        (await card.Locator(".price").TextContentAsync()).Should().Be("135,00 د.م.");
        (await card.Locator(".stock").TextContentAsync()).Should().Be("الكمية محدودة");
        await FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "search-ar-phone");

        await card.GetByRole(AriaRole.Link, new() { Name = product.NameAr }).ClickAsync();
        await page.WaitForURLAsync($"**/products/{product.Id}");
        (await page.TextContentAsync("h1")).Should().Be(product.NameAr);
        (await page.TextContentAsync(".price.big")).Should().Contain("135,00 د.م.").And.Contain("250 ml");
        (await page.TextContentAsync(".product-info")).Should().Contain(cooperative.NameAr).And.Contain("تيزنيت");
        var labels = await page.TextContentAsync(".labels-explained");
        labels.Should().Contain("بيان جغرافي محمي").And.Contain("25-06").And.Contain("منتوج عضوي").And.Contain("AS.12.345.67")
            .And.Contain("أونسا").And.Contain("شهادة تحققت منها المنصة");
        (await page.EvalOnSelectorAsync<int>(".gallery img", "img => img.naturalWidth")).Should().Be(8, "the Catalogue serves the image");
        await FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "product-ar-phone");

        await page.Locator(".labels-explained a.badge").First.ClickAsync();
        await page.WaitForURLAsync("**/certificates/**");
        (await page.TextContentAsync("[data-testid=certificate]")).Should().Contain("Normacert").And.Contain(cooperative.NameAr);
        await FitsTheScreenAsync(page);
        app.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task Search_filters_and_sorts_work_as_a_plain_form_and_a_bad_price_is_explained_beside_its_field()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative {word}", province: "tata");
        await cooperative.NewProductAsync($"عسل {word} صغير", $"Miel {word} petit", 80m, category: "honey");
        await cooperative.NewProductAsync($"عسل {word} كبير", $"Miel {word} grand", 260m, category: "honey", labels: ["ORGANIC"]);
        await cooperative.NewProductAsync($"عسل {word} متوسط", $"Miel {word} moyen", 150m, category: "honey");
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/search?lang=fr&q={Uri.EscapeDataString(word)}");
        await page.GetByLabel("Trier par").SelectOptionAsync("-price");
        await page.GetByLabel("Prix maximum").FillAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();

        await page.WaitForURLAsync("**maxPrice=200**");
        (await page.Locator(".product-card h3").AllTextContentsAsync()).Should().Equal($"Miel {word} moyen", $"Miel {word} petit");
        (await page.TextContentAsync(".count")).Should().Be("2 produit(s)");
        await BrowserApp.ScreenshotAsync(page, "search-fr-desktop");

        await page.GetByLabel("Label de qualité").SelectOptionAsync("ORGANIC");
        await page.GetByLabel("Prix maximum").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
        await page.WaitForURLAsync("**label=ORGANIC**");
        (await page.Locator(".product-card h3").AllTextContentsAsync()).Should().Equal($"Miel {word} grand");

        await page.GetByLabel("Prix minimum").FillAsync("douze");
        await page.GetByRole(AriaRole.Button, new() { Name = "Appliquer" }).ClickAsync();
        await page.WaitForURLAsync("**minPrice=douze**");
        (await page.TextContentAsync("[data-valmsg-for=MinPrice]")).Should().Contain("montant en dirhams");
        (await page.InputValueAsync("#MinPrice")).Should().Be("douze");
        (await page.Locator(".product-card").CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_search_over_two_pages_counts_every_match_on_both_and_the_home_page_shows_the_four_newest_on_two_lines_at_most()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية {word}", $"Coopérative {word}", province: "tata");
        for (var n = 1; n <= 25; n++)
            await cooperative.NewProductAsync($"أملو {word} {n}", $"Amlou {word} {n}", 50m + n);
        var longName = $"Amlou {word} aux amandes torréfiées, au miel de thym de l'Anti-Atlas et à l'huile d'argan pressée à froid";
        var newest = await cooperative.NewProductAsync($"أملو {word} بالعسل واللوز وزيت الأركان المعصور على البارد من الأطلس الصغير", longName, 99m);
        var page = await app.NewPageAsync(phone: true);

        // 26 matches: 24 on the first page, 2 on the second, and each page counts the 26 (the total is exact below 1,000).
        await page.GotoAsync($"/search?lang=fr&sort=newest&q={Uri.EscapeDataString(word)}");
        (await page.TextContentAsync(".count")).Should().Be("26 produit(s)");
        (await page.Locator(".product-card").CountAsync()).Should().Be(24);
        (await page.Locator(".product-card h3").First.TextContentAsync()).Should().Be(longName);
        await page.Locator("a[rel=next]").ClickAsync();
        await page.WaitForURLAsync("**page=2**");
        (await page.TextContentAsync(".count")).Should().Be("26 produit(s)");
        (await page.Locator(".product-card h3").AllTextContentsAsync()).Should().Equal($"Amlou {word} 2", $"Amlou {word} 1");
        await FitsTheScreenAsync(page);

        // The home page: the four newest products, the longest name clamped to two lines on a phone, its link still reachable.
        await page.GotoAsync("/?lang=fr");
        var cards = page.Locator("section[aria-labelledby=newest-title] .product-card");
        (await cards.CountAsync()).Should().Be(4);
        var link = cards.First.Locator("h3 a");
        (await link.TextContentAsync()).Should().Be(longName);
        var lines = await link.EvaluateAsync<double>("a => a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight)");
        lines.Should().BeLessThanOrEqualTo(2.05, "a long name takes two lines at most");
        await link.FocusAsync();
        (await page.EvaluateAsync<string>("() => document.activeElement.textContent")).Should().Be(longName);
        await FitsTheScreenAsync(page);
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/products/{newest.Id}");
        (await page.TextContentAsync("h1")).Should().Be(longName, "the product page shows the whole name");
    }

    [Fact]
    public async Task A_cooperative_page_shows_its_profile_delivery_fee_and_products()
    {
        var word = ShopData.ArabicWord();
        var cooperative = await app.NewCooperativeAsync($"تعاونية تمنار {word}", $"Coopérative Tamanar {word}", province: "chtouka-ait-baha",
            flatFee: 25m, freeAbove: 400m);
        var product = await cooperative.NewProductAsync($"أملو {word}", $"Amlou {word}", 65m);
        var page = await app.NewPageAsync();

        await page.GotoAsync($"/cooperatives/{cooperative.Id}?lang=fr");

        (await page.TextContentAsync("h1")).Should().Be(cooperative.NameFr);
        var profile = await page.TextContentAsync(".cooperative");
        profile.Should().Contain("Chtouka Aït Baha").And.Contain("Une coopérative de femmes du Souss.").And.Contain("Produits d'argan")
            .And.Contain("25,00 MAD").And.Contain("offerte dès 400,00 MAD");
        (await page.Locator(".product-card h3").AllTextContentsAsync()).Should().Equal(product.NameFr);
        await BrowserApp.ScreenshotAsync(page, "cooperative-fr-desktop");
    }

    [Fact]
    public async Task The_cart_groups_lines_by_cooperative_with_each_delivery_fee_and_updates_and_removes_lines()
    {
        var word = ShopData.ArabicWord();
        var tiznit = await app.NewCooperativeAsync($"تعاونية الفضة {word}", $"Coopérative Argent {word}", province: "tiznit", flatFee: 30m);
        var taliouine = await app.NewCooperativeAsync($"تعاونية الزعفران {word}", $"Coopérative Safran {word}", flatFee: 20m, freeAbove: 100m);
        var bracelet = await tiznit.NewProductAsync($"سوار {word}", $"Bracelet {word}", 300m, category: "silver-jewellery", unit: "1 pièce");
        var fibula = await tiznit.NewProductAsync($"تزرزيت {word}", $"Fibule {word}", 150m, category: "silver-jewellery", unit: "1 pièce");
        var saffron = await taliouine.NewProductAsync($"زعفران {word}", $"Safran {word}", 90m, category: "saffron", labels: ["AOP"], unit: "2 g");
        var page = await app.NewPageAsync();

        await AddToCartAsync(page, bracelet, 1);
        await AddToCartAsync(page, fibula, 2);
        await AddToCartAsync(page, saffron, 1);

        (await page.TextContentAsync("[role=status]")).Should().Contain($"1 × Safran {word}");
        (await page.TextContentAsync("header .cart")).Should().Contain("(4)");
        var silver = page.Locator(".cart-part", new() { HasText = tiznit.NameFr });
        var spice = page.Locator(".cart-part", new() { HasText = taliouine.NameFr });
        (await silver.Locator("tbody tr").CountAsync()).Should().Be(2);
        (await silver.Locator("tfoot").TextContentAsync()).Should().Contain("600,00 MAD").And.Contain("30,00 MAD").And.Contain("630,00 MAD");
        (await spice.Locator("tfoot").TextContentAsync()).Should().Contain("90,00 MAD").And.Contain("20,00 MAD").And.Contain("110,00 MAD");
        (await page.TextContentAsync("[data-total]")).Should().Be("740,00 MAD");
        await BrowserApp.ScreenshotAsync(page, "cart-fr-desktop");

        await page.GetByLabel($"Quantité de Safran {word}").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mettre à jour les quantités" }).ClickAsync();
        (await spice.Locator("tfoot").TextContentAsync()).Should().Contain("180,00 MAD").And.Contain("Gratuite", "the fee is waived from 100 MAD");
        await silver.GetByRole(AriaRole.Button, new() { Name = $"Retirer Fibule {word}" }).ClickAsync();
        (await silver.Locator("tbody tr").CountAsync()).Should().Be(1);
        (await page.TextContentAsync("[data-total]")).Should().Be("510,00 MAD", "300 + 30 delivery + 180 with free delivery");
        app.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_form_post_without_its_antiforgery_token_is_refused_and_a_forged_cart_cookie_is_ignored()
    {
        var client = app.Anonymous();
        var post = await client.PostAsync("/cart?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["productId"] = Guid.NewGuid().ToString(), ["quantity"] = "1",
        }));
        ((int)post.StatusCode).Should().Be(400);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/cart?lang=fr");
        forged.Headers.Add("Cookie", "mp.cart=CfDJ8-forged-or-from-another-key-ring");
        forged.Headers.Accept.ParseAdd("text/html");
        var cart = await client.SendAsync(forged);
        ((int)cart.StatusCode).Should().Be(200);
        System.Net.WebUtility.HtmlDecode(await cart.Content.ReadAsStringAsync()).Should().Contain("Votre panier est vide.");

        using var unknown = new HttpRequestMessage(HttpMethod.Get, $"/products/{Guid.NewGuid()}?lang=fr");
        unknown.Headers.Accept.ParseAdd("text/html");
        var missing = await client.SendAsync(unknown);
        ((int)missing.StatusCode).Should().Be(404);
        System.Net.WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()).Should().Contain("Cette page n'existe pas.");
    }

    /// <summary>Nothing wider than the screen: no sideways scrolling on a 360 px phone.</summary>
    internal static async Task FitsTheScreenAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load); // its stylesheet applied (a click's navigation may still be loading it)
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(page.ViewportSize!.Width,
            "the page {0} must fit the screen's width (a phone's layout viewport grows to what overflows)", page.Url);
    }

    internal static async Task AddToCartAsync(IPage page, ShopData.Product product, int quantity, string lang = "fr")
    {
        await page.GotoAsync($"/products/{product.Id}?lang={lang}");
        await page.Locator("#quantity").FillAsync(quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("form.add-to-cart button").ClickAsync();
        await page.WaitForURLAsync("**/cart");
    }
}
