namespace Marketplace.Invoicing.Documents;

/// <summary>
/// Turns logical-order text into what a left-to-right text drawer must be given to show Arabic correctly, because PDFsharp
/// draws characters one by one, left to right, with neither shaping nor bidi: (1) each Arabic letter becomes its contextual
/// presentation form (U+FE70–U+FEFF: isolated, final, initial or medial) and lam + alef become one ligature; (2) the runs are
/// reordered for a right-to-left line, the Arabic runs reversed, the Latin words and the numbers kept left to right.
/// A deliberately small subset of the Unicode algorithms (no Presentation Forms-A, no nested embeddings) that suits names and addresses.
/// </summary>
internal static class ArabicShaping
{
    // Isolated presentation form of U+0621..U+064A (0: none, the letter is kept as it is); the final, initial and medial forms follow it.
    static readonly ushort[] Isolated =
    [
        0xFE80, 0xFE81, 0xFE83, 0xFE85, 0xFE87, 0xFE89, 0xFE8D, 0xFE8F, 0xFE93, 0xFE95, 0xFE99, 0xFE9D, 0xFEA1, 0xFEA5, // ء..خ
        0xFEA9, 0xFEAB, 0xFEAD, 0xFEAF, 0xFEB1, 0xFEB5, 0xFEB9, 0xFEBD, 0xFEC1, 0xFEC5, 0xFEC9, 0xFECD, // د..غ
        0, 0, 0, 0, 0, 0, // U+063B..U+063F (no forms in Presentation Forms-B), tatweel
        0xFED1, 0xFED5, 0xFED9, 0xFEDD, 0xFEE1, 0xFEE5, 0xFEE9, 0xFEED, 0xFEEF, 0xFEF1, // ف..ي
    ];

    // Joining type of U+0621..U+064A: D joins on both sides, R only to the letter before it (ا د ذ ر ز و ة أ إ آ ؤ ى), U never.
    const string Joining = "URRRRDRDRDDDDDRRRRDDDDDDDDUUUUUDDDDDDDDRRD";

    const char Lam = '\u0644';

    public static bool HasArabic(string text) => text.Any(c => c is >= '\u0621' and <= '\u064A');

    public static string Visual(string logical) => HasArabic(logical) ? Reorder(Shape(logical)) : logical;

    static char Type(char c) => c is >= '\u0621' and <= '\u064A' ? Joining[c - 0x0621] : 'U';

    static string Shape(string logical)
    {
        // Harakat (fathatan..sukun) are dropped: without positioning they would be drawn beside their letter, not above it.
        var s = new string(logical.Where(c => c is < '\u064B' or > '\u0652').ToArray());
        var shaped = new System.Text.StringBuilder(s.Length);
        var previousJoinsForward = false;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var type = Type(c);
            var next = i + 1 < s.Length ? Type(s[i + 1]) : 'U';
            var joinsBack = type != 'U' && previousJoinsForward;
            if (c == Lam && LamAlef(i + 1 < s.Length ? s[i + 1] : '\0') is var ligature and not 0)
            {
                shaped.Append((char)(ligature + (joinsBack ? 1 : 0)));
                previousJoinsForward = false; // the ligature ends with an alef, which joins nothing after it
                i++;
                continue;
            }
            var joinsForward = type == 'D' && next != 'U';
            var isolated = type == 'U' ? 0 : Isolated[c - 0x0621];
            var form = joinsBack ? (joinsForward ? 3 : 1) : (joinsForward ? 2 : 0);
            shaped.Append(isolated == 0 ? c : (char)(isolated + form));
            previousJoinsForward = joinsForward;
        }
        return shaped.ToString();
    }

    // The isolated lam-alef ligature for the alef after a lam (its final form is the next code point), or 0.
    static int LamAlef(char alef) => alef switch
    {
        '\u0622' => 0xFEF5, '\u0623' => 0xFEF7, '\u0625' => 0xFEF9, '\u0627' => 0xFEFB, _ => 0,
    };

    static bool IsRtl(char c) => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF';

    // Digits, Arabic-Indic ones too, are read left to right.
    static bool IsLtr(char c) => char.IsDigit(c) || (char.IsLetter(c) && !IsRtl(c));

    /// <summary>
    /// The line is right to left as it holds Arabic: Latin letters and digits make left-to-right runs, and so do the neutrals
    /// (spaces, punctuation) between two of them ("12,50", "C0001-2026"); everything else is right to left.
    /// Drawn left to right, the runs come in reverse order and the characters of the right-to-left runs too.
    /// </summary>
    static string Reorder(string s)
    {
        var ltr = new bool[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            if (IsLtr(s[i])) { ltr[i] = true; continue; }
            if (IsRtl(s[i]) || char.IsLetterOrDigit(s[i])) continue;
            var before = i - 1;
            while (before >= 0 && !IsLtr(s[before]) && !IsRtl(s[before])) before--;
            var after = i + 1;
            while (after < s.Length && !IsLtr(s[after]) && !IsRtl(s[after])) after++;
            ltr[i] = before >= 0 && after < s.Length && IsLtr(s[before]) && IsLtr(s[after]);
        }
        var visual = new System.Text.StringBuilder(s.Length);
        for (var end = s.Length; end > 0;)
        {
            var start = end - 1;
            while (start > 0 && ltr[start - 1] == ltr[end - 1]) start--;
            if (ltr[start]) visual.Append(s, start, end - start);
            else for (var i = end - 1; i >= start; i--) visual.Append(Mirror(s[i]));
            end = start;
        }
        return visual.ToString();
    }

    // In a right-to-left run the brackets are drawn mirrored: "(" opens on the right.
    static char Mirror(char c) => c switch
    {
        '(' => ')', ')' => '(', '[' => ']', ']' => '[', '{' => '}', '}' => '{', '<' => '>', '>' => '<', '«' => '»', '»' => '«', _ => c,
    };
}
