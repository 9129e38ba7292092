using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Marketplace.Invoicing.Documents;

/// <summary>
/// Renders an issued <see cref="InvoiceDocument"/> as an A4 PDF in French with PDFsharp's core drawing API: the seller's legal
/// identity (French and Arabic names, ICE, IF, RC), the buyer, the lines, the delivery fee, the totals and the payment.
/// Made once, when the document is issued, and kept: its dates are the document's (creation date = issue time), but PDFsharp's
/// document id and font subset tags are random, so two renderings are not byte-identical.
/// </summary>
internal static class InvoicePdf
{
    const double Margin = 42, Row = 16;
    const double QuantityRight = 345, UnitPriceRight = 445; // right edges of the "Qté" and "P.U. TTC" columns

    // "1 234,50": fr-MA's CLDR group separator is "." ("1.234,50"); a plain space is what the invoices print and what text extraction finds.
    static readonly NumberFormatInfo Amounts =
        NumberFormatInfo.ReadOnly(new() { NumberDecimalSeparator = ",", NumberGroupSeparator = " ", NumberDecimalDigits = 2 });
    static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-MA");

    // PDFsharp 6.2's font caches are process-wide and not safe when two threads make the first XFont of a face at once: a
    // race once left a font source without its face in the cache, and every later XFont of it failed (NullReferenceException).
    // Invoices are few and rendered in milliseconds, so one at a time.
    static readonly Lock Rendering = new();

    public static byte[] Render(InvoiceDocument doc)
    {
        lock (Rendering) return RenderAlone(doc);
    }

    static byte[] RenderAlone(InvoiceDocument doc)
    {
        InvoiceFonts.EnsureRegistered(); // before the first XFont
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"{(doc.IsCreditNote ? "Avoir" : "Facture")} {doc.Number}";
        pdf.Info.Author = doc.Seller.Name("fr");
        pdf.Info.Subject = string.Create(CultureInfo.InvariantCulture, $"ICE {doc.Seller.Ice} - Total {doc.Total:0.00} {doc.Currency}");
        pdf.Info.CreationDate = doc.IssuedAt.UtcDateTime;

        using (var canvas = new Canvas(pdf))
        {
            Header(canvas, doc);
            Table(canvas, doc);
            Totals(canvas, doc);
        }
        Footers(pdf, doc);

        using var output = new MemoryStream();
        pdf.Save(output, closeStream: false);
        return output.ToArray();
    }

    static void Header(Canvas c, InvoiceDocument doc)
    {
        // Letterhead: the French name on the left, the Arabic one on the right, as on Moroccan letterheads.
        c.Text(doc.Seller.Name("fr"), c.Fonts.Name, c.Left);
        if (doc.Seller.Names.GetValueOrDefault("ar") is { } arabic && !string.IsNullOrWhiteSpace(arabic))
            c.Text(arabic, c.Fonts.Name, c.Right, XStringFormats.TopRight);
        c.Y += 20;
        foreach (var line in Lines(doc.Seller.Address)
                     .Concat([$"ICE : {doc.Seller.Ice}", $"IF : {doc.Seller.TaxId}", $"RC : {doc.Seller.RegisterNumber}"]))
            c.Line(line, c.Fonts.Small);
        c.Y += 6;
        c.Graphics.DrawLine(XPens.Gray, c.Left, c.Y, c.Right, c.Y);
        c.Y += 14;

        var top = c.Y;
        var kind = doc.IsCreditNote ? "Avoir" : "Facture";
        c.Text(kind.ToUpperInvariant(), c.Fonts.Title, c.Left);
        c.Y += 26;
        c.Line($"{kind} n° {doc.Number}", c.Fonts.Bold);
        c.Line($"Date : {Date(doc.IssueDate)}", c.Fonts.Regular);
        if (doc.IsCreditNote) c.Line($"Avoir sur la facture n° {doc.CreditedNumber}", c.Fonts.Regular);
        c.Line(doc.IsCommission ? $"Commissions du mois : {doc.OrderNumber}" : $"Commande n° {doc.OrderNumber}", c.Fonts.Regular);
        if (doc.DeliveredOn is { } delivered) c.Line($"Livrée le : {Date(delivered)}", c.Fonts.Regular);
        var left = c.Y;

        // The buyer on the right half, level with the title.
        c.Y = top + 6;
        var x = c.Left + (c.Right - c.Left) / 2 + 20;
        c.Line(c.Fit($"Client : {doc.Buyer.FullName}", c.Fonts.Bold, c.Right - x), c.Fonts.Bold, x);
        foreach (var line in Lines(doc.Buyer.Address)) c.Line(c.Fit(line, c.Fonts.Regular, c.Right - x), c.Fonts.Regular, x);
        if (!string.IsNullOrWhiteSpace(doc.Buyer.Phone)) c.Line($"Tél. : {doc.Buyer.Phone}", c.Fonts.Regular, x);
        c.Y = Math.Max(left, c.Y) + 18;
    }

    static void Table(Canvas c, InvoiceDocument doc)
    {
        TableHeader(c);
        foreach (var line in doc.Lines)
        {
            var name = string.IsNullOrWhiteSpace(line.Unit) ? line.Name("fr") : $"{line.Name("fr")} ({line.Unit})";
            TableRow(c, name, line.Quantity.ToString(French), Amount(line.UnitPrice, doc), Amount(line.LineTotal, doc));
        }
        TableRow(c, "Livraison", "", "", Amount(doc.Shipping, doc));
        c.Y += 10;
    }

    static void TableHeader(Canvas c)
    {
        c.Graphics.DrawRectangle(XBrushes.Gainsboro, c.Left, c.Y, c.Right - c.Left, Row + 2);
        c.Y += 3;
        c.Text("Désignation", c.Fonts.Bold, c.Left + 4);
        c.Text("Qté", c.Fonts.Bold, QuantityRight, XStringFormats.TopRight);
        c.Text("P.U. TTC", c.Fonts.Bold, UnitPriceRight, XStringFormats.TopRight);
        c.Text("Total TTC", c.Fonts.Bold, c.Right - 4, XStringFormats.TopRight);
        c.Y += Row + 2;
    }

    static void TableRow(Canvas c, string name, string quantity, string unitPrice, string total)
    {
        // A line that does not fit continues the table on a new page, under its header again.
        if (!c.Fits(Row)) { c.NewPage(); TableHeader(c); }
        c.Text(c.Fit(name, c.Fonts.Regular, QuantityRight - 50 - c.Left), c.Fonts.Regular, c.Left + 4);
        c.Text(quantity, c.Fonts.Regular, QuantityRight, XStringFormats.TopRight);
        c.Text(unitPrice, c.Fonts.Regular, UnitPriceRight, XStringFormats.TopRight);
        c.Text(total, c.Fonts.Regular, c.Right - 4, XStringFormats.TopRight);
        c.Y += Row;
        c.Graphics.DrawLine(XPens.LightGray, c.Left, c.Y - 3, c.Right, c.Y - 3);
    }

    static void Totals(Canvas c, InvoiceDocument doc)
    {
        if (!c.Fits(5 * Row)) c.NewPage();
        var total = doc.IsCreditNote ? "Montant de l'avoir" : "Total";
        if (doc.Seller.VatRate is not { } rate)
        {
            c.Line("TVA : exonérée", c.Fonts.Regular, UnitPriceRight, XStringFormats.TopRight);
            Total(c, $"{total} :", Amount(doc.Total, doc), c.Fonts.Bold);
        }
        else
        {
            Total(c, "Total HT", Amount(doc.TotalExcludingVat, doc), c.Fonts.Regular);
            Total(c, $"TVA ({(rate * 100).ToString("0.##", French)} %)", Amount(doc.Vat, doc), c.Fonts.Regular);
            Total(c, $"{total} TTC", Amount(doc.Total, doc), c.Fonts.Bold);
        }
        c.Y += 12;
        c.Line(doc.PaymentMethod switch
        {
            "card" => "Paiement : carte bancaire",
            "cash_on_delivery" => "Paiement : à la livraison (espèces)",
            "deducted" => "Paiement : déduit des versements de la plateforme à la coopérative",
            var other => $"Paiement : {other}",
        }, c.Fonts.Regular);
    }

    static void Total(Canvas c, string label, string amount, XFont font)
    {
        c.Text(label, font, UnitPriceRight, XStringFormats.TopRight);
        c.Line(amount, font, c.Right - 4, XStringFormats.TopRight);
    }

    // Drawn last, on every page, when the number of pages is known.
    static void Footers(PdfDocument pdf, InvoiceDocument doc)
    {
        var font = Font(7.5);
        var issued = doc.IsCreditNote ? "Avoir émis" : "Facture émise";
        for (var i = 0; i < pdf.PageCount; i++)
        {
            var page = pdf.Pages[i];
            using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var y = page.Height.Point - Margin + 8;
            g.DrawString(doc.IsCommission ? "Facture de commission émise par la place de marché des coopératives du Souss-Massa"
                : $"{issued} par la coopérative via la place de marché des coopératives du Souss-Massa", font, XBrushes.Gray,
                Margin, y, XStringFormats.TopLeft);
            g.DrawString($"Page {i + 1} / {pdf.PageCount}", font, XBrushes.Gray, page.Width.Point - Margin, y, XStringFormats.TopRight);
        }
    }

    // Unicode encoding: glyph ids (Identity-H) with a ToUnicode map, for the Arabic presentation forms outside WinAnsi and so that
    // the text stays extractable (search, copy, tests).
    // The regular face, which draws the Arabic, is embedded whole (about 380 KB compressed): PDFsharp 6.2's subsetter follows
    // composite glyphs one level only, and DejaVu's Arabic presentation forms are composites of composites (subset, ﺃ loses its
    // hamza and ﺑ its body). PDFsharp keeps that choice per font file for the whole process, so it is the same for every invoice.
    // The bold face never draws Arabic and is embedded as a small subset.
    static readonly XPdfFontOptions Subset = new(PdfFontEncoding.Unicode),
        Whole = new(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);

    static XFont Font(double size, bool bold = false) =>
        new(InvoiceFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, bold ? Subset : Whole);

    static string Amount(decimal value, InvoiceDocument doc) => $"{value.ToString("N2", Amounts)} {doc.Currency}";

    static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    static IEnumerable<string> Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The page being drawn and a cursor going down it; a new A4 page when the next row does not fit.</summary>
    sealed class Canvas : IDisposable
    {
        readonly PdfDocument pdf;
        readonly Dictionary<double, XFont> arabic = [];
        public (XFont Title, XFont Name, XFont Bold, XFont Regular, XFont Small) Fonts { get; } =
            (Font(18, bold: true), Font(13, bold: true), Font(9.5, bold: true), Font(9.5), Font(8.5));
        public XGraphics Graphics { get; private set; }
        public double Y { get; set; }
        public double Left => Margin;
        public double Right { get; private set; }
        double bottom;

        public Canvas(PdfDocument pdf)
        {
            this.pdf = pdf;
            Graphics = Start();
        }

        XGraphics Start()
        {
            var page = pdf.AddPage();
            page.Size = PageSize.A4;
            Y = Margin;
            Right = page.Width.Point - Margin;
            bottom = page.Height.Point - Margin - 12; // room for the footer
            return XGraphics.FromPdfPage(page);
        }

        public void NewPage()
        {
            Graphics.Dispose();
            Graphics = Start();
        }

        public bool Fits(double height) => Y + height <= bottom;

        /// <summary>What to draw for a text: Arabic shaped and reordered, in the regular face (no-op for other text).</summary>
        (string Text, XFont Font) Drawable(string text, XFont font)
        {
            if (!ArabicShaping.HasArabic(text)) return (text, font);
            if (!arabic.TryGetValue(font.Size, out var regular)) arabic[font.Size] = regular = Font(font.Size);
            return (ArabicShaping.Visual(text), regular);
        }

        public void Text(string text, XFont font, double x, XStringFormat? format = null)
        {
            var (visual, drawn) = Drawable(text, font);
            Graphics.DrawString(visual, drawn, XBrushes.Black, x, Y, format ?? XStringFormats.TopLeft);
        }

        public void Line(string text, XFont font, double? x = null, XStringFormat? format = null)
        {
            Text(text, font, x ?? Left, format);
            Y += font.Size * 1.4;
        }

        /// <summary>Cuts a text too wide for its column with an ellipsis (rarely needed), in logical order so Arabic loses its end.</summary>
        public string Fit(string text, XFont font, double width)
        {
            double Width(string s)
            {
                var (visual, drawn) = Drawable(s, font);
                return Graphics.MeasureString(visual, drawn).Width;
            }
            if (Width(text) <= width) return text;
            while (text.Length > 1 && Width(text + "…") > width) text = text[..^1];
            return text.TrimEnd() + "…";
        }

        public void Dispose() => Graphics.Dispose();
    }
}
