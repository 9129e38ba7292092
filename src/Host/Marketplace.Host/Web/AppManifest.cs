namespace Marketplace.Host.Web;

/// <summary>
/// The web app manifest (a site people add to a phone's home screen), in the page's language and direction: the
/// platform's name, colours and icons (wwwroot/img, drawn by build/make-icons.py).
/// </summary>
public static class AppManifest
{
    public const string ThemeColour = "#7a4a12";
    public const string Background = "#fffdf8";

    public static void MapAppManifest(this WebApplication app) => app.MapGet("/manifest.webmanifest", (HttpContext http, Texts texts) =>
        {
            var lang = PageLanguage.Current;
            http.Response.Headers.CacheControl = "public, max-age=86400";
            http.Response.Headers.Vary = "Cookie, Accept-Language";
            return Results.Json(new
            {
                name = texts["site.name"], short_name = texts["site.shortname"], description = texts["site.tagline"], lang,
                dir = PageLanguage.IsRightToLeft ? "rtl" : "ltr", start_url = $"/?lang={lang}", scope = "/", display = "standalone",
                theme_color = ThemeColour, background_color = Background,
                icons = new object[]
                {
                    new { src = "/img/icon-192.png", sizes = "192x192", type = "image/png" },
                    new { src = "/img/icon-512.png", sizes = "512x512", type = "image/png" },
                    new { src = "/img/icon-maskable-512.png", sizes = "512x512", type = "image/png", purpose = "maskable" },
                    new { src = "/img/icon.svg", sizes = "any", type = "image/svg+xml" },
                },
            }, contentType: "application/manifest+json");
        })
        .AllowAnonymous().ExcludeFromDescription();
}
