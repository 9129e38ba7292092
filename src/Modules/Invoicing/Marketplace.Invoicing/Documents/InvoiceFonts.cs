using PdfSharp.Fonts;

namespace Marketplace.Invoicing.Documents;

/// <summary>
/// The fonts of the invoice PDFs. PDFsharp 6's Core build reads no system font on Linux: every <c>XFont</c> family must be
/// resolved by the process-wide <see cref="GlobalFontSettings.FontResolver"/>; this one serves DejaVu Sans (Latin and the Arabic
/// presentation forms) from the assembly's manifest resources, so the PDFs look the same on every machine.
/// </summary>
internal sealed class InvoiceFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    const string Regular = "fonts.DejaVuSans.ttf", Bold = "fonts.DejaVuSans-Bold.ttf";

    // Lazy: registered once, thread-safely, before the first XFont is made.
    static readonly Lazy<bool> Registration = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void EnsureRegistered() => _ = Registration.Value;

    static bool Register()
    {
        // The resolver is process-wide and may not change once a font was used (InvalidOperationException).
        // If the host or another module set its own resolver first, ours becomes the fallback PDFsharp asks for the families it
        // does not know.
        try
        {
            var current = GlobalFontSettings.FontResolver;
            if (current is null) GlobalFontSettings.FontResolver = new InvoiceFonts();
            else if (current is not InvoiceFonts && GlobalFontSettings.FallbackFontResolver is null)
                GlobalFontSettings.FallbackFontResolver = new InvoiceFonts();
        }
        catch (InvalidOperationException)
        {
            // Set concurrently by other code and already used: leave it, XFont will tell if DejaVu Sans cannot be resolved.
        }
        return true;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.OrdinalIgnoreCase)
            ? new FontResolverInfo(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic) // no italic face: slanted
            : null;

    public byte[]? GetFont(string faceName)
    {
        using var stream = typeof(InvoiceFonts).Assembly.GetManifestResourceStream(faceName);
        if (stream is null) return null;
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }
}
