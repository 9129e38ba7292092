using System.Globalization;
using Marketplace.BuildingBlocks;
using Microsoft.Net.Http.Headers;

namespace Marketplace.Host.Web;

/// <summary>
/// The language of a page: ?lang= (remembered in a cookie), else the cookie, else Accept-Language, else French.
/// Sets the culture so that numbers, dates and amounts are written for that language.
/// </summary>
public static class PageLanguage
{
    public const string CookieName = "mp.lang";
    public static readonly string[] All = LocalizedText.Languages;

    /// <summary>Looked up once: <see cref="CultureInfo.GetCultureInfo(string)"/> takes a lock at every call.</summary>
    private static readonly Dictionary<string, CultureInfo> Cultures = new()
    {
        ["ar"] = CultureInfo.GetCultureInfo("ar-MA"), ["fr"] = CultureInfo.GetCultureInfo("fr-MA"),
        ["en"] = CultureInfo.GetCultureInfo("en-GB"), ["zgh"] = CultureInfo.GetCultureInfo("zgh"),
    };

    public static string Current => CultureInfo.CurrentUICulture.Name switch
    {
        var n when n.StartsWith("ar") => "ar",
        var n when n.StartsWith("en") => "en",
        var n when n.StartsWith("zgh") => "zgh",
        _ => "fr",
    };

    public static bool IsRightToLeft => Current == "ar";

    public static async Task Middleware(HttpContext context, Func<Task> next)
    {
        var lang = Pick(context);
        var culture = Cultures[lang];
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        await next();
    }

    private static string Pick(HttpContext context)
    {
        var asked = context.Request.Query["lang"].ToString();
        if (All.Contains(asked))
        {
            if (!context.Request.Path.StartsWithSegments("/api"))
                context.Response.Cookies.Append(CookieName, asked, new CookieOptions
                {
                    MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true,
                });
            return asked;
        }
        if (context.Request.Cookies.TryGetValue(CookieName, out var remembered) && All.Contains(remembered)) return remembered;
        if (StringWithQualityHeaderValue.TryParseList(context.Request.Headers.AcceptLanguage, out var accepted))
            foreach (var value in accepted.OrderByDescending(l => l.Quality ?? 1))
                if (value.Value.Value?.Split('-')[0].ToLowerInvariant() is { } code && All.Contains(code)) return code;
        return "fr";
    }
}
