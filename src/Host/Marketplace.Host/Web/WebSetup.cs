using Marketplace.BuildingBlocks;

namespace Marketplace.Host.Web;

/// <summary>The server-rendered pages: storefront, cooperative space, administration.</summary>
public static class WebSetup
{
    public static IServiceCollection AddMarketplaceWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/Coop", Identity.Policies.SignedIn);
            o.Conventions.AuthorizeFolder("/Admin", Identity.Policies.Admin);
            o.Conventions.AuthorizeFolder("/Account/Orders", Identity.Policies.SignedIn);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mp.af";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // Arabic, Tifinagh and accented letters as they are in the HTML, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Pages.Shop.CartCookie>();
        services.AddSingleton<SecurityHeaders>();
        return services.AddSingleton<Texts>();
    }

    public static WebApplication UseMarketplaceWeb(this WebApplication app)
    {
        app.Use(app.Services.GetRequiredService<SecurityHeaders>().Middleware);
        app.Use(PageLanguage.Middleware);
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=604800",
        });
        return app;
    }
}
