using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>A cooperative offers a workshop and opens its Saturdays from its space; visitors find it on a phone in Arabic and French.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TourismPagesTests(BrowserApp app)
{
    [Fact]
    public async Task A_cooperative_offers_a_workshop_opens_a_season_of_saturdays_and_visitors_see_the_places_left_on_a_phone()
    {
        var coop = await new HttpMarket(app).NewCooperativeAsync();
        var staff = await app.NewPageAsync(phone: true);
        await staff.SignInAsync(coop.Owner, "fr", $"/coop/{coop.Id}/experiences");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Proposer", Exact = true }).ClickAsync();
        (await staff.TextContentAsync("[data-valmsg-for='Input.Title']")).Should().Be("Donnez un titre en arabe ou en français (150 caractères au plus).");
        var word = ShopData.ArabicWord();
        await staff.Locator("#Input_TitleFr").FillAsync($"Atelier d'argan {word}");
        await staff.Locator("#Input_TitleAr").FillAsync($"ورشة الأركان {word}");
        await staff.GetByLabel("Point de rendez-vous").FillAsync("Coopérative, route d'Imouzzer, km 12");
        await staff.GetByLabel("Durée (minutes)").FillAsync("150");
        await staff.GetByLabel("Tamazight").CheckAsync();
        await staff.GetByLabel("Français", new() { Exact = true }).CheckAsync();
        await staff.GetByLabel("Prix par personne (MAD)").FillAsync("250");
        await staff.GetByLabel("annulation gratuite jusqu'à 72 heures avant").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Proposer", Exact = true }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(staff)).Should().StartWith("C'est proposé");

        var experience = staff.Locator("section[data-experience]", new() { HasText = word });
        await experience.GetByLabel("Ajouter une photo").SetInputFilesAsync(new FilePayload { Name = "atelier.png", MimeType = "image/png", Buffer = CoopSpaceData.Photo });
        await experience.GetByRole(AriaRole.Button, new() { Name = "Envoyer la photo" }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(staff)).Should().NotBeNullOrEmpty();
        (await experience.Locator("img").CountAsync()).Should().Be(1);
        await experience.Locator("summary").ClickAsync();
        await experience.GetByLabel("Jour (le premier, pour une série)").FillAsync(DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd"));
        await experience.GetByLabel("Places").FillAsync("12");
        await experience.GetByLabel("Le", new() { Exact = true }).SelectOptionAsync("6");
        await experience.GetByLabel("Jusqu'au").FillAsync(DateTime.UtcNow.Date.AddDays(28).ToString("yyyy-MM-dd"));
        await experience.GetByRole(AriaRole.Button, new() { Name = "Ouvrir", Exact = true }).ClickAsync();
        (await CoopSpaceData.NoticeAsync(staff)).Should().Be("Les dates sont ouvertes à la réservation.");
        (await staff.Locator("section[data-experience] [data-testid=slots] li").CountAsync()).Should().Be(4, "four Saturdays in four weeks");
        await CoopSpaceData.FitsTheScreenAsync(staff);

        foreach (var (lang, title, places) in new[] { ("ar", $"ورشة الأركان {word}", "12 مقعد متاح من 12"), ("fr", $"Atelier d'argan {word}", "12 places libres sur 12") })
        {
            var visitor = await app.NewPageAsync(phone: true, language: lang);
            await visitor.GotoAsync($"/?lang={lang}");
            await visitor.Locator("header input[name=q]").FillAsync(word);
            await visitor.Locator("header input[name=q]").PressAsync("Enter");
            var found = visitor.Locator("[data-testid=visits] li", new() { HasText = title });
            (await found.TextContentAsync()).Should().Contain(places, "a search finds the visit with its next dates and places left");
            await visitor.GotoAsync($"/search?category=solidarity-tourism&q={Uri.EscapeDataString(word)}&lang={lang}");
            await visitor.Locator("[data-testid=visits] li", new() { HasText = title }).WaitForAsync();
            await CoopSpaceData.FitsTheScreenAsync(visitor);
            await visitor.GotoAsync($"/?lang={lang}");
            await visitor.Locator("footer a[href='/experiences']").ClickAsync();
            await visitor.Locator("[data-testid=experiences] a", new() { HasText = title }).ClickAsync();
            await visitor.WaitForURLAsync("**/experiences/*");
            (await visitor.TextContentAsync("h1")).Should().Be(title);
            (await visitor.Locator("[data-testid=slots] li").CountAsync()).Should().Be(4);
            (await visitor.Locator("[data-testid=photos] img").EvaluateAsync<int>("i => i.complete ? i.naturalWidth : -1")).Should().Be(8, "the photo is served");
            (await visitor.TextContentAsync("[data-testid=slots] li")).Should().Contain(places);
            await CoopSpaceData.FitsTheScreenAsync(visitor);
            await BrowserApp.ScreenshotAsync(visitor, $"experience-{lang}-phone");
        }
    }
}
