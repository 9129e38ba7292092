using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// Issue 7's third journey through the pages: an administrator verifies a cooperative, then, once it has sold by card,
/// runs the payouts of the period, downloads the bank's batch, marks the transfer sent with the bank's reference and
/// uploads the bank statement that reconciles it; what does not match stays on the page. In Arabic on a phone and in
/// French on a desktop. Sales and accounts that are not under test come through the HTTP API.
/// </summary>
[Collection(PayoutsBrowserCollection.Name)]
public sealed class AdminPayoutsJourneyTests(StripeBrowserApp app)
{
    private sealed record Words(string Verify, string Verified, string Run, string ToSend, string Sent, string Reconciled, string MarkSent,
        string Required, string Import, string Compare, string NoDifference);

    private static readonly Dictionary<string, Words> Texts = new()
    {
        ["fr"] = new("Vérifier la coopérative", "Vérifiée", "Lancer les versements", "À envoyer", "Envoyé", "Rapproché", "Marquer envoyé",
            "Ce champ est obligatoire.", "Importer le relevé", "Comparer avec Stripe", "aucune différence"),
        ["ar"] = new("توثيق التعاونية", "موثّقة", "إطلاق الدفعات", "في انتظار الإرسال", "مُرسل", "مُطابَق", "تأكيد الإرسال",
            "هذا الحقل مطلوب.", "استيراد الكشف", "المقارنة مع سترايب", "لا يوجد أي فرق"),
    };

    [Fact]
    public Task An_administrator_verifies_a_cooperative_and_runs_its_payout_in_arabic_on_a_phone() => JourneyAsync(phone: true, "ar");

    [Fact]
    public Task An_administrator_verifies_a_cooperative_and_runs_its_payout_in_french_on_a_desktop() => JourneyAsync(phone: false, "fr");

    private async Task JourneyAsync(bool phone, string lang)
    {
        var words = Texts[lang];
        var shot = $"{lang}-{(phone ? "phone" : "desktop")}";
        var applied = await app.NewPendingCooperativeAsync(province: "chtouka-ait-baha");
        var page = await app.AdminPageAsync(phone, lang);

        // Verify the cooperative through its page.
        await page.GotoAsync($"/admin/cooperatives/{applied.Id}");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Verify }).ClickAsync();
        (await page.Locator("[data-testid=coop-status]").InnerTextAsync()).Should().Be(words.Verified);

        // It sells by card: 2 bottles at 240.00 MAD, delivered, with a delivery fee of 25.00 MAD.
        var cooperative = new MarketCooperative(applied.Id, applied.Owner);
        var rib = await cooperative.SetBankAccountAsync(deliveryFee: 25m);
        var product = await new HttpMarket(app).NewProductAsync(cooperative, price: 240m, stock: 20);
        await app.DeliveredCardSaleAsync(product, quantity: 2);
        const decimal net = 480m - 48m + 25m; // the default commission (10 %) is on the items; the delivery fee is the cooperative's
        (await cooperative.WaitForPayableAsync(net)).Should().Be(net);

        // Run the payouts of today's period.
        await page.GotoAsync("/admin/payout-runs");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Run }).ClickAsync();
        await page.WaitForURLAsync("**/admin/payout-runs/*");
        (await page.Locator("[role=status]").InnerTextAsync()).Should().MatchRegex(@"\d");
        var shownName = lang == "ar" ? applied.ArabicName : applied.Name;
        var row = page.Locator("[data-testid=payouts] tbody tr", new() { HasText = shownName });
        (await row.CountAsync()).Should().Be(1, "the run paid the new cooperative");
        (await row.Locator("[data-testid=payout-amount]").InnerTextAsync()).Should().Be(Money(net, lang));
        (await row.Locator("[data-testid=payout-status]").InnerTextAsync()).Should().Be(words.ToSend);
        var reference = (await row.GetAttributeAsync("data-payout"))!;
        reference.Should().NotBeNullOrWhiteSpace();
        await BrowserApp.ScreenshotAsync(page, $"admin-payout-run-{shot}");

        // A batch for the bank holds the transfer (reached from the administration's home, which counts the payouts to send);
        // its file is the same at every download.
        await page.GotoAsync("/admin");
        int.Parse(await page.Locator("[data-testid=to-send]").InnerTextAsync(), CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);
        await page.Locator("[data-testid=to-send]").ClickAsync();
        await page.WaitForURLAsync("**/admin/payouts?status=pending");
        await page.Locator("[data-testid=batches]").ClickAsync();
        await page.WaitForURLAsync("**/admin/bank-batches");
        await page.Locator("[data-testid=make-batch]").ClickAsync();
        var section = page.Locator("[data-batch]", new() { Has = page.Locator($"tr[data-payout='{reference}']") });
        var download = await page.RunAndWaitForDownloadAsync(() => section.Locator("[data-testid=batch-file]").ClickAsync());
        var batch = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        batch.Should().StartWith("rib,amount,currency,reference,cooperative")
            .And.Contain($"{rib},{net.ToString("0.00", CultureInfo.InvariantCulture)},MAD,{reference},");
        var again = await page.RunAndWaitForDownloadAsync(() => section.Locator("[data-testid=batch-file]").ClickAsync());
        (await File.ReadAllTextAsync((await again.PathAsync())!, Encoding.UTF8)).Should().Be(batch, "the same file at every download");
        if (phone) (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);
        await BrowserApp.ScreenshotAsync(page, $"admin-bank-batch-{shot}");
        await page.GotoAsync("/admin/payouts?status=pending");

        // Marked sent with the bank's reference (first without it: the field says it is needed).
        var pending = page.Locator($"[data-testid=payouts] tr[data-payout='{reference}']");
        await pending.GetByRole(AriaRole.Button, new() { Name = words.MarkSent }).ClickAsync();
        (await page.Locator($"tr[data-payout='{reference}'] .error").InnerTextAsync()).Should().Be(words.Required);
        var bankReference = $"VIR{Random.Shared.Next(100_000, 999_999)}CIH";
        await page.Locator($"tr[data-payout='{reference}'] input[name=BankReference]").FillAsync(bankReference);
        await page.Locator($"tr[data-payout='{reference}']").GetByRole(AriaRole.Button, new() { Name = words.MarkSent }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain(reference).And.Contain(bankReference);
        (await page.Locator($"tr[data-payout='{reference}']").CountAsync()).Should().Be(0, "it left the transfers to send");
        await page.GotoAsync("/admin/payouts?status=sent");
        var sent = page.Locator($"tr[data-payout='{reference}']");
        (await sent.Locator("[data-testid=payout-status]").InnerTextAsync()).Should().Be(words.Sent);
        (await sent.Locator("[data-testid=payout-bankref]").InnerTextAsync()).Should().Be(bankReference);
        if (phone) await FitsThePhoneAsync(page);
        await BrowserApp.ScreenshotAsync(page, $"admin-payouts-sent-{shot}");

        // The bank statement reconciles it; a bank fee matches nothing and stays on the page.
        var fee = $"FRAIS TENUE COMPTE {Random.Shared.Next(1000, 9999)}";
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var statement = $"date,reference,amount,counterparty\n{today},VIREMENT {reference} {bankReference},-{net.ToString("0.00", CultureInfo.InvariantCulture)},{applied.Name}\n"
            + $"{today},{fee},-15.00,CIH BANK\n";
        await page.GotoAsync("/admin/reconciliation");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
            { Name = "releve.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(statement) });
        await page.GetByRole(AriaRole.Button, new() { Name = words.Import }).ClickAsync();
        (await page.Locator("[data-testid=import-matched]").InnerTextAsync()).Should().Be("1");
        (await page.Locator("[data-testid=unmatched-lines] tr", new() { HasText = fee }).InnerTextAsync()).Should().Contain(Money(-15m, lang));
        (await page.Locator("[data-testid=unmatched-lines]").InnerTextAsync()).Should().NotContain(reference, "the transfer's line matched it");
        await page.GetByRole(AriaRole.Button, new() { Name = words.Compare }).ClickAsync();
        (await page.Locator("[data-testid=stripe-result]").InnerTextAsync()).Should().Contain(words.NoDifference, "no payout went through Stripe");
        await BrowserApp.ScreenshotAsync(page, $"admin-reconciliation-{shot}");

        await page.GotoAsync("/admin/payouts?status=reconciled");
        (await page.Locator($"tr[data-payout='{reference}'] [data-testid=payout-status]").InnerTextAsync()).Should().Be(words.Reconciled);
        app.OutsideRequests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_transfer_the_bank_returns_is_marked_with_its_reason_and_its_money_goes_back_to_the_cooperative()
    {
        var cooperative = await new HttpMarket(app).NewCooperativeAsync();
        await cooperative.SetBankAccountAsync(deliveryFee: 0m);
        await app.DeliveredCardSaleAsync(await new HttpMarket(app).NewProductAsync(cooperative, price: 150m, stock: 5), quantity: 1);
        const decimal net = 135m;
        await cooperative.WaitForPayableAsync(net);
        var page = await app.AdminPageAsync(phone: false, "fr");
        await page.GotoAsync("/admin/payout-runs");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lancer les versements" }).ClickAsync();
        await page.WaitForURLAsync("**/admin/payout-runs/*");
        var admin = (await app.AdminAsync()).Client;
        var payouts = await (await admin.GetAsync($"/api/admin/payouts?cooperativeId={cooperative.Id}")).Json();
        var reference = payouts["items"]![0]!["reference"]!.GetValue<string>();
        await page.GotoAsync("/admin/payouts?status=pending");
        await page.Locator($"tr[data-payout='{reference}'] input[name=BankReference]").FillAsync("VIR-RET-1");
        await page.Locator($"tr[data-payout='{reference}']").GetByRole(AriaRole.Button, new() { Name = "Marquer envoyé" }).ClickAsync();

        await page.GotoAsync("/admin/payouts?status=sent");
        var row = page.Locator($"tr[data-payout='{reference}']");
        await row.Locator("summary").ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le retour" }).ClickAsync();
        (await page.Locator($"tr[data-payout='{reference}'] .error").InnerTextAsync()).Should().Be("Ce champ est obligatoire.");
        await page.GetByLabel($"Motif du retour pour {reference}").FillAsync("Compte clôturé (RIB invalide)");
        await page.Locator($"tr[data-payout='{reference}']").GetByRole(AriaRole.Button, new() { Name = "Enregistrer le retour" }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain($"Le virement {reference} est marqué retourné");

        await page.GotoAsync("/admin/payouts?status=failed");
        var failed = page.Locator($"tr[data-payout='{reference}']");
        (await failed.Locator("[data-testid=payout-status]").InnerTextAsync()).Should().Be("Échoué");
        (await failed.InnerTextAsync()).Should().Contain("Compte clôturé (RIB invalide)");
        await BrowserApp.ScreenshotAsync(page, "admin-payout-returned-fr-desktop");
        (await cooperative.WaitForPayableAsync(net)).Should().Be(net, "the returned money is owed to the cooperative again");

        // Once the cooperative gave a right RIB, the payout is paid again: into the next batch, once.
        await cooperative.SetBankAccountAsync(deliveryFee: 0m);
        await failed.GetByRole(AriaRole.Button, new() { Name = $"Payer à nouveau {reference}" }).ClickAsync();
        (await page.Locator("[role=status]").InnerTextAsync()).Should().Contain(reference);
        await page.GotoAsync("/admin/bank-batches");
        await page.Locator("[data-testid=make-batch]").ClickAsync();
        (await page.Locator("[data-batch]").First.Locator($"tr[data-payout='{reference}']").CountAsync()).Should().Be(1, "in the new batch");
        (await page.Locator($"tr[data-payout='{reference}']").CountAsync()).Should().Be(1, "in one batch only");
    }

    /// <summary>At 360 px the page does not scroll sideways, and lists become cards (their column headers hidden).</summary>
    private static async Task FitsThePhoneAsync(IPage page)
    {
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360, "nothing is wider than the phone");
        (await page.Locator("[data-testid=payouts] thead").BoundingBoxAsync())!.Width.Should().BeLessThanOrEqualTo(1, "the list is stacked as cards");
        (await page.Locator(".admin-nav ul").EvaluateAsync<string>("e => getComputedStyle(e).display")).Should().Be("flex");
    }

    /// <summary>An amount as the pages write it in that language (as Format.Money does).</summary>
    private static string Money(decimal amount, string lang)
    {
        var number = amount.ToString("N2", CultureInfo.GetCultureInfo(lang == "ar" ? "ar-MA" : "fr-MA"));
        return $"{number} {(lang == "ar" ? "د.م." : "MAD")}";
    }
}
