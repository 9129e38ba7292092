using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Marketplace.Reliability.Tests.Suite;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Marketplace.Reliability.Tests;

/// <summary>
/// Security headers on pages (a content security policy that allows no inline script, no framing, no sniffing) and
/// pages that need no inline script; cookies Secure and HttpOnly over HTTPS; checkout limited per shopper (429).
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed partial class HeadersTests(SuiteApp app)
{
    public static readonly TheoryData<string> Pages = new()
    {
        "/", "/?lang=ar", "/account/login", "/account/register", "/no-such-page", "/cart", "/search?q=argan",
        "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", // reflected, escaped
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public Task Given_a_page_Then_its_policy_forbids_inline_scripts_and_framing_and_the_page_needs_none(string path) => AssertPageAsync(path);

    [Fact]
    public async Task Given_a_product_and_a_cooperative_named_with_HTML_Then_their_pages_escape_it_and_carry_the_headers()
    {
        var market = new HttpMarket(app);
        var coop = await market.NewCooperativeAsync();
        var product = await market.NewProductAsync(coop, 70m, 5);
        var hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";
        await (await coop.Owner.Client.PutJson($"/api/cooperatives/{coop.Id}/products/{product.Id}", new
        {
            sku = product.Sku, category = "argan-culinary-oil", name = new { fr = hostile, ar = hostile }, description = new { fr = hostile },
            price = Requests.Mad(70m), unit = "<b>1 l</b>", stock = 5, labels = new[] { "IGP" }, province = "taroudant",
            version = (await market.DetailsAsync(product.Id))["version"]!.GetValue<int>(),
        })).ShouldHaveStatus(200);
        await AssertPageAsync($"/products/{product.Id}");
        await AssertPageAsync($"/cooperatives/{coop.Id}");
        await AssertPageAsync("/search?q=img");
    }

    private async Task AssertPageAsync(string path)
    {
        var client = app.Anonymous();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        using var response = await client.SendAsync(request);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
        var policy = Directives(response.Headers.GetValues("Content-Security-Policy").Single());
        var scripts = policy.GetValueOrDefault("script-src") ?? policy["default-src"];
        scripts.Should().NotContain(["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"]);
        policy["object-src"].Should().Equal("'none'");
        policy["frame-ancestors"].Should().BeSubsetOf(["'none'", "'self'"]);
        response.Headers.GetValues("X-Frame-Options").Single().Should().BeOneOf("DENY", "SAMEORIGIN");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");

        var html = await response.Content.ReadAsStringAsync();
        InlineScript().Matches(html).Select(m => m.Value).Should().BeEmpty("scripts come from files ({0})", path);
        var tags = QuotedValue().Replace(html, "\"\""); // text inside attribute values (escaped input) is no attribute
        EventHandlerAttribute().Matches(tags).Select(m => m.Value).Should().BeEmpty("no inline event handlers ({0})", path);
        html.Should().NotContain("<img src=x").And.NotContain("<script>alert", "what people typed is escaped ({0})", path);
        html.Should().NotContain("javascript:");
    }

    [Fact]
    public async Task Given_an_API_answer_Then_it_is_not_sniffed_or_framed()
    {
        using var response = await app.Anonymous().GetAsync("/api/categories");
        response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
    }

    [Fact]
    public async Task Given_HTTPS_When_signing_in_on_the_page_Then_every_cookie_is_secure_and_http_only()
    {
        var shopper = await app.NewShopperAsync();
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        var cookies = new List<string>();
        var page = await client.GetAsync("/account/login?lang=fr");
        cookies.AddRange(page.Headers.TryGetValues("Set-Cookie", out var first) ? first : []);
        var token = Antiforgery().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = shopper.Email, ["Password"] = shopper.Password, ["__RequestVerificationToken"] = token }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        using var signedIn = await client.SendAsync(post);
        ((int)signedIn.StatusCode).Should().Be(302, "the sign-in succeeds and redirects");
        cookies.AddRange(signedIn.Headers.GetValues("Set-Cookie"));

        cookies.Should().HaveCountGreaterThanOrEqualTo(2, "the antiforgery and the sign-in cookies at least");
        foreach (var cookie in cookies)
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            attributes.Should().Contain("secure", cookie);
            attributes.Should().Contain("httponly", cookie);
            attributes.Should().Contain(a => a.StartsWith("samesite="), cookie);
        }
    }

    [Fact]
    public async Task Given_a_limit_of_3_checkouts_a_minute_When_a_shopper_sends_a_4th_Then_429_problem_nothing_placed_and_other_shoppers_unaffected()
    {
        await using var limited = new CheckoutLimitedApp();
        await limited.InitializeAsync();
        var market = new HttpMarket(limited);
        var product = await market.NewProductAsync(await market.NewCooperativeAsync(), 50m, 100);
        var (first, second) = (await limited.NewShopperAsync(), await limited.NewShopperAsync());
        for (var i = 0; i < 3; i++) await (await Checkout(first, product.Id)).ShouldHaveStatus(201);

        using var refused = await Checkout(first, product.Id);
        await refused.ShouldBeProblem(429);
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await (await first.Client.GetAsync("/api/orders")).Json())["total"]!.GetValue<int>().Should().Be(3, "the refused checkout placed nothing");
        (await market.AvailableAsync(product.Id)).Should().Be(97);
        await (await Checkout(second, product.Id)).ShouldHaveStatus(201);
    }

    private static Task<HttpResponseMessage> Checkout(TestUser shopper, Guid productId)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(World.OrderBody(productId)) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return shopper.Client.SendAsync(request);
    }

    private static Dictionary<string, string[]> Directives(string policy) => policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(d => d[0], d => d[1..]);

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("\"[^\"]*\"")]
    private static partial Regex QuotedValue();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    private sealed class CheckoutLimitedApp : MarketplaceApp
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Marketplace:RateLimits:CheckoutPerMinutePerShopper"] = "3";
    }
}
