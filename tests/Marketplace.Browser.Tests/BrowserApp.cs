using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Marketplace.Browser.Tests;

/// <summary>
/// The platform on a real port, and Debian's Chromium driven by Playwright (never downloaded). Every request the
/// pages make outside the site is refused and recorded, so tests can prove that none is made.
/// </summary>
public class BrowserApp : MarketplaceApp, IAsyncLifetime
{
    private IPlaywright playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public List<string> OutsideRequests { get; } = [];

    /// <summary>Where the product images uploaded by the tests are kept (removed at the end).</summary>
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), $"mp-browser-{Guid.NewGuid():N}");

    protected override void Configure(IDictionary<string, string?> settings) => settings["Marketplace:Storage:Path"] = FilesFolder;

    public static string Screenshots =>
        Path.Combine(Environment.GetEnvironmentVariable("MARKETPLACE_TEST_RESULTS") ?? Path.Combine(AppContext.BaseDirectory, "TestResults"), "screenshots");

    protected override void StartHost()
    {
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::1]", "localhost").Replace("127.0.0.1", "localhost");
        ClientOptions.BaseAddress = new Uri(BaseUrl);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh browser context (cookies of its own) at a phone's or a desktop's width.</summary>
    public async Task<IPage> NewPageAsync(bool phone = false, string? language = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = 360, Height = 740 } : new ViewportSize { Width = 1280, Height = 800 },
            Locale = language ?? "fr-FR",
            IsMobile = phone,
        });
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Host is "localhost" or "127.0.0.1") await route.ContinueAsync();
            else
            {
                lock (OutsideRequests) OutsideRequests.Add(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, $"{name}.png"), FullPage = true });

    public new virtual async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await base.DisposeAsync();
        if (Directory.Exists(FilesFolder)) Directory.Delete(FilesFolder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "browser";
}
