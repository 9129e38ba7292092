using Marketplace.Catalogue.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>Products in the cooperative space: the form keeps what was typed when refused, photos, publishing, stale edits.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CoopProductTests(BrowserApp app)
{
    [Fact]
    public async Task Creating_a_product_with_a_validation_error_keeps_what_was_typed_and_says_what_is_expected_beside_the_fields()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var page = await app.NewPageAsync();
        await page.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}/products");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ajouter un produit" }).ClickAsync();

        await page.GetByLabel("En arabe").First.FillAsync("أملو باللوز");
        await page.GetByLabel("En français").First.FillAsync("Amlou aux amandes");
        await page.GetByLabel("Catégorie").SelectOptionAsync("amlou-spreads");
        await page.GetByLabel("Prix en dirhams").FillAsync("quatre-vingt");
        await page.GetByLabel("Référence").FillAsync("AML-250");
        await page.GetByLabel("Label agricole").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le produit" }).ClickAsync();

        (await CoopSpaceData.AlertAsync(page)).Should().Be("Veuillez corriger les champs signalés.");
        (await page.TextContentAsync("[data-valmsg-for='Input.Price']")).Should().StartWith("Entrez un prix en dirhams supérieur à 0");
        (await page.TextContentAsync("[data-valmsg-for='Input.Unit']")).Should().StartWith("Indiquez l'unité vendue");
        (await page.InputValueAsync("#Input_NameFr")).Should().Be("Amlou aux amandes");
        (await page.InputValueAsync("#Input_NameAr")).Should().Be("أملو باللوز");
        (await page.InputValueAsync("#Input_Price")).Should().Be("quatre-vingt");
        (await page.InputValueAsync("#Input_Sku")).Should().Be("AML-250");
        (await page.InputValueAsync("#Input_Category")).Should().Be("amlou-spreads");
        (await page.GetByLabel("Label agricole").IsCheckedAsync()).Should().BeTrue();
        await BrowserApp.ScreenshotAsync(page, "coop-product-errors-fr-desktop");

        await page.GetByLabel("Prix en dirhams").FillAsync("95,50");
        await page.GetByLabel("Unité vendue").FillAsync("pot 250 g");
        await page.GetByLabel("Stock").FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le produit" }).ClickAsync();

        await page.WaitForURLAsync(new Regex($"/coop/{coop.Id}/products/[0-9a-f-]{{36}}$"));
        (await CoopSpaceData.NoticeAsync(page)).Should().StartWith("Le produit est enregistré comme brouillon");
        (await page.TextContentAsync("h1")).Should().Be("Amlou aux amandes");
        (await page.TextContentAsync("[data-testid=stock-line]")).Should().StartWith("En stock : 12");
        (await page.InputValueAsync("#Input_Price")).Should().Be("95.5");

        await page.GetByLabel("Ajouter une photo").SetInputFilesAsync(new FilePayload { Name = "amlou.png", MimeType = "image/png", Buffer = CoopSpaceData.Photo });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la photo" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("La photo est ajoutée.");
        (await page.Locator("ol.images img").CountAsync()).Should().Be(1);
        (await page.Locator("ol.images").TextContentAsync()).Should().Contain("Photo principale");

        await page.GetByLabel("Ajouter une photo").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "amlou"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la photo" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for='File']")).Should().Be("Choisissez une photo JPEG, PNG ou WebP de 5 Mo au plus.");
        await page.GetByLabel("Ajouter une photo").SetInputFilesAsync(new FilePayload { Name = "amlou-2.png", MimeType = "image/png", Buffer = CoopSpaceData.Photo });
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer la photo" }).ClickAsync();
        var (first, second) = (await page.Locator("ol.images img").Nth(0).GetAttributeAsync("src"), await page.Locator("ol.images img").Nth(1).GetAttributeAsync("src"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Avancer Photo 2 du produit" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("L'ordre des photos est changé.");
        (await page.Locator("ol.images img").Nth(0).GetAttributeAsync("src")).Should().Be(second, "the second photo is now the product's picture");
        await page.GetByRole(AriaRole.Button, new() { Name = "Supprimer Photo 2 du produit" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("La photo est supprimée.");
        (await page.Locator("ol.images img").CountAsync()).Should().Be(1);
        (await page.Locator("ol.images img").First.GetAttributeAsync("src")).Should().Be(second).And.NotBe(first);

        await page.GetByRole(AriaRole.Button, new() { Name = "Mettre en vente" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("Le produit est en vente.");
        (await page.Locator(".title-row .badge").TextContentAsync()).Should().Be("En vente");
        await BrowserApp.ScreenshotAsync(page, "coop-product-published-fr-desktop");

        var productId = page.Url.Split('/').Last();
        var shown = await (await app.Anonymous().GetAsync($"/api/products/{productId}?lang=ar")).Json();
        shown["name"]!.GetValue<string>().Should().Be("أملو باللوز");
        shown["price"]!["amount"]!.GetValue<decimal>().Should().Be(95.50m);
        shown["labels"]!.AsArray().Should().BeEmpty("the label is declared: the shop shows it once a certificate stands behind it");
        shown["images"]!.AsArray().Should().HaveCount(1);
        app.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task An_edit_made_on_a_stale_version_is_refused_with_a_message_and_what_was_typed_stays()
    {
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(coop, 150m, stock: 5);
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(coop.Owner, "ar", $"/coop/{coop.Id}/products/{product.Id}");
        var version = long.Parse(await page.InputValueAsync("#Input_Version"));

        // meanwhile another member of the staff changes the price through the API
        var details = await market.DetailsAsync(product.Id);
        await (await coop.Owner.Client.PutJson($"/api/cooperatives/{coop.Id}/products/{product.Id}", new
        {
            sku = product.Sku, category = "argan-culinary-oil", name = new { fr = "Huile d'argan", ar = "زيت الأركان" },
            price = new { amount = 160m, currency = "MAD" }, unit = "bottle 250 ml", labels = new[] { "IGP" }, province = "taroudant",
            version = details["version"]!.GetValue<long>(),
        })).ShouldHaveStatus(200);

        await page.GetByLabel("الثمن بالدرهم").FillAsync("175");
        await page.GetByLabel("بالعربية").First.FillAsync("زيت أركان بكر");
        await page.GetByRole(AriaRole.Button, new() { Name = "حفظ التعديلات" }).ClickAsync();

        (await CoopSpaceData.AlertAsync(page)).Should().StartWith("قام شخص آخر بتعديل هذا المنتج");
        (await page.InputValueAsync("#Input_Price")).Should().Be("175", "what was typed stays");
        (await page.InputValueAsync("#Input_NameAr")).Should().Be("زيت أركان بكر");
        (await page.InputValueAsync("#Input_Version")).Should().Be(version.ToString());
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-product-stale-ar-phone");
        (await market.DetailsAsync(product.Id))["price"]!["amount"]!.GetValue<decimal>().Should().Be(160m, "the stale edit changed nothing");

        await page.GetByRole(AriaRole.Link, new() { Name = "فتح النسخة المحدثة" }).ClickAsync();
        (await page.InputValueAsync("#Input_Price")).Should().Be("160");
        await page.GetByLabel("الثمن بالدرهم").FillAsync("175");
        await page.GetByRole(AriaRole.Button, new() { Name = "حفظ التعديلات" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("تم حفظ التعديلات.");
        (await market.DetailsAsync(product.Id))["price"]!["amount"]!.GetValue<decimal>().Should().Be(175m);
    }

    [Fact]
    public async Task The_stock_is_changed_in_arabic_digits_not_below_what_checkouts_hold_and_the_list_unpublishes_a_product()
    {
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(coop, 150m, stock: 5);
        StockReservation held;
        using (var scope = app.Services.CreateScope())
            held = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ReserveStock(Guid.NewGuid(), [new StockLine(product.Id, 3)]));
        held.Succeeded.Should().BeTrue("a checkout in progress holds 3 bottles");
        var page = await app.NewPageAsync(phone: true);
        await page.SignInAsync(coop.Owner, "ar", $"/coop/{coop.Id}/products");

        var row = page.Locator($"li.product-row[data-sku='{product.Sku}']");
        (await row.TextContentAsync()).Should().Contain("المخزون المتوفر: 2").And.Contain("معروض للبيع");
        await row.Locator("a.product-name").ClickAsync();
        (await page.TextContentAsync("[data-testid=stock-line]")).Should().Be("في المخزون: 5 · محجوز لطلبيات جارية: 3 · متوفر للبيع: 2");

        await page.GetByLabel("الكمية الجديدة في المخزون").FillAsync("٢");
        await page.GetByRole(AriaRole.Button, new() { Name = "تحديث المخزون" }).ClickAsync();
        (await page.TextContentAsync("[data-valmsg-for='Quantity']")).Should().StartWith("3 وحدات محجوزة لطلبيات جارية");
        (await page.InputValueAsync("#quantity")).Should().Be("٢", "what was typed stays");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-product-stock-refused-ar-phone");

        await page.GetByLabel("الكمية الجديدة في المخزون").FillAsync("١٢");
        await page.GetByRole(AriaRole.Button, new() { Name = "تحديث المخزون" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("تم تحديث المخزون.");
        (await page.TextContentAsync("[data-testid=stock-line]")).Should().Be("في المخزون: 12 · محجوز لطلبيات جارية: 3 · متوفر للبيع: 9");
        (await market.AvailableAsync(product.Id)).Should().Be(9);

        await page.GotoAsync($"/coop/{coop.Id}/products");
        await row.GetByRole(AriaRole.Button, new() { Name = "سحب من البيع" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(page)).Should().Be("تم سحب المنتج من البيع.");
        (await row.Locator(".badge").TextContentAsync()).Should().Be("مسودة");
        (await app.Anonymous().GetAsync($"/api/products/{product.Id}")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound,
            "a product taken off sale is not shown to shoppers");
        await CoopSpaceData.FitsTheScreenAsync(page);
        await BrowserApp.ScreenshotAsync(page, "coop-products-ar-phone");
    }
}
