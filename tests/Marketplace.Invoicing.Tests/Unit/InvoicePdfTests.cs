using Marketplace.Invoicing.Contracts;
using Marketplace.Invoicing.Documents;
using UglyToad.PdfPig;

namespace Marketplace.Invoicing.Tests.Unit;

/// <summary>The invoice PDF read back with PdfPig: what a buyer, an accountant or a tax inspector must find in it.</summary>
public sealed class InvoicePdfTests
{
    const string Ice = "001234567000089", Number = "C0001-2026-1";

    static InvoiceDocument Sample(decimal? vatRate = null, string kind = InvoiceDocument.InvoiceKind, int extraLines = 0, bool arabic = true)
    {
        var names = new Dictionary<string, string> { ["fr"] = "Coopérative Tifawine" };
        if (arabic) names["ar"] = "تعاونية تيفاوين";
        var seller = new Seller(names, Ice, "40123456", "RC 2019/45", "Douar Tifawine\n83000 Taroudant", vatRate);
        var buyer = new Buyer("Amina El Idrissi", "12 rue des Orangers\n80000 Agadir", "0612345678");
        var lines = new List<InvoiceLine>
        {
            new("ARG-250", new Dictionary<string, string> { ["fr"] = "Huile d'argan alimentaire", ["ar"] = "زيت أركان" }, "250 ml", 2, 120m, 240m),
            new("AML-500", new Dictionary<string, string> { [arabic ? "ar" : "fr"] = arabic ? "أملو" : "Amlou" }, "500 g", 1, 1200m, 1200m),
        };
        lines.AddRange(Enumerable.Range(1, extraLines).Select(i =>
            new InvoiceLine($"MIEL-{i}", new Dictionary<string, string> { ["fr"] = $"Miel de thym n° {i}" }, "250 g", 1, 0m, 0m)));
        const decimal total = 1465m; // 240 + 1200 + 25 shipping
        var vat = vatRate is { } rate ? Math.Round(total * rate / (1 + rate), 2) : 0m;
        return new InvoiceDocument(kind, kind == InvoiceDocument.CreditNoteKind ? "C0001-2026-A1" : Number,
            new DateTimeOffset(2026, 12, 6, 10, 30, 0, TimeSpan.FromHours(1)), new DateOnly(2026, 12, 6), "M-2026-000123",
            new DateOnly(2026, 12, 4), seller, buyer, lines, 25m, total, vat, "card",
            kind == InvoiceDocument.CreditNoteKind ? Number : null);
    }

    static readonly long RegularFontLength = FontLength("fonts.DejaVuSans.ttf"), BoldFontLength = FontLength("fonts.DejaVuSans-Bold.ttf");

    static long FontLength(string resource) => typeof(InvoicePdf).Assembly.GetManifestResourceStream(resource)!.Length;

    static string Latin1(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    static (PdfDocument Pdf, string Text) Read(InvoiceDocument doc)
    {
        var pdf = PdfDocument.Open(InvoicePdf.Render(doc));
        return (pdf, string.Join("\n", pdf.GetPages().Select(p => p.Text)));
    }

    [Fact]
    public void An_exempt_invoice_shows_the_seller_identity_the_lines_and_the_total()
    {
        var (pdf, text) = Read(Sample());
        using var _ = pdf;

        pdf.NumberOfPages.Should().Be(1);
        text.Should().Contain("FACTURE").And.Contain($"Facture n° {Number}").And.Contain("Date : 06/12/2026")
            .And.Contain("Commande n° M-2026-000123").And.Contain("Livrée le : 04/12/2026");
        text.Should().Contain("Coopérative Tifawine").And.Contain($"ICE : {Ice}").And.Contain("IF : 40123456").And.Contain("RC : RC 2019/45");
        text.Should().Contain("Client : Amina El Idrissi").And.Contain("80000 Agadir");
        text.Should().Contain("Huile d'argan alimentaire (250 ml)").And.Contain("120,00 MAD").And.Contain("240,00 MAD")
            .And.Contain("1 200,00 MAD").And.Contain("Livraison").And.Contain("25,00 MAD");
        text.Should().Contain("TVA : exonérée").And.Contain("Total :").And.Contain("1 465,00 MAD").And.NotContain("TVA (");
        text.Should().Contain("Paiement : carte bancaire").And.Contain("Facture émise par la coopérative via la place de marché");
    }

    [Fact]
    public void The_document_information_is_set_from_the_invoice()
    {
        var (pdf, _) = Read(Sample());
        using var _ = pdf;

        pdf.Information.Title.Should().Be($"Facture {Number}");
        pdf.Information.Author.Should().Be("Coopérative Tifawine");
        pdf.Information.Subject.Should().Be($"ICE {Ice} - Total 1465.00 MAD");
        pdf.Information.CreationDate.Should().StartWith("D:20261206");
    }

    [Fact]
    public void Arabic_is_drawn_as_presentation_forms_in_the_embedded_DejaVu_Sans()
    {
        var bytes = InvoicePdf.Render(Sample());
        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);

        // The ToUnicode map gives the presentation forms back, in visual order: the seller's and the product's Arabic names
        // (the product has no French name: its Arabic one is shown).
        page.Text.Should().Contain(ArabicShaping.Visual("تعاونية تيفاوين")).And.Contain(ArabicShaping.Visual("أملو (500 g)"));
        page.Letters.Select(l => l.FontName).Distinct().Should().OnlyContain(name => name.Contains("DejaVu Sans"));
        // The regular face, which draws the Arabic, is embedded whole: PDFsharp's subsets lose parts of DejaVu's composite
        // Arabic glyphs. The bold face is a subset.
        Latin1(bytes).Should().Contain("/FontFile2").And.Contain($"/Length1 {RegularFontLength}").And.NotContain($"/Length1 {BoldFontLength}");
    }

    [Fact]
    public void A_Latin_only_invoice_is_drawn_the_same_way_and_stays_small()
    {
        var bytes = InvoicePdf.Render(Sample(arabic: false));

        Latin1(bytes).Should().Contain($"/Length1 {RegularFontLength}");
        bytes.Length.Should().BeLessThan(500_000);
    }

    [Fact]
    public void A_VAT_invoice_shows_the_total_excluding_VAT_the_VAT_and_the_total_including_it()
    {
        var (pdf, text) = Read(Sample(vatRate: 0.20m));
        using var _ = pdf;

        text.Should().Contain("Total HT").And.Contain("1 220,83 MAD").And.Contain("TVA (20 %)").And.Contain("244,17 MAD")
            .And.Contain("Total TTC").And.Contain("1 465,00 MAD").And.NotContain("exonérée");
    }

    [Fact]
    public void A_credit_note_names_the_invoice_it_credits_and_the_amount_credited()
    {
        var (pdf, text) = Read(Sample(kind: InvoiceDocument.CreditNoteKind));
        using var _ = pdf;

        text.Should().Contain("AVOIR").And.Contain("Avoir n° C0001-2026-A1").And.Contain($"Avoir sur la facture n° {Number}")
            .And.Contain("Montant de l'avoir :").And.Contain("1 465,00 MAD").And.Contain("Avoir émis par la coopérative");
        pdf.Information.Title.Should().Be("Avoir C0001-2026-A1");
    }

    [Fact]
    public void Many_lines_continue_on_new_pages_with_the_table_header_and_a_page_number()
    {
        using var pdf = PdfDocument.Open(InvoicePdf.Render(Sample(extraLines: 120)));
        var pages = pdf.GetPages().ToList();

        pages.Should().HaveCountGreaterThan(2);
        pages.Select((p, i) => (p.Text, Page: $"Page {i + 1} / {pages.Count}")).Should()
            .AllSatisfy(p => p.Text.Should().Contain(p.Page).And.Contain("Facture émise par la coopérative"));
        pages.Where(p => p.Text.Contains("Miel de thym")).Should().AllSatisfy(p => p.Text.Should().Contain("Désignation"));
        var all = string.Join("\n", pages.Select(p => p.Text));
        all.Should().Contain("Miel de thym n° 1 (250 g)").And.Contain("Miel de thym n° 120 (250 g)");
        pages[^1].Text.Should().Contain("1 465,00 MAD").And.Contain("Paiement : carte bancaire");
    }

    [Fact]
    public void Cash_on_delivery_is_named() =>
        Read(Sample() with { PaymentMethod = "cash_on_delivery" }).Text.Should().Contain("Paiement : à la livraison (espèces)");
}
