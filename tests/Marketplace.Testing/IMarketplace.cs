using System.Net.Http.Json;

namespace Marketplace.Testing;

/// <summary>The platform as its clients see it over HTTP: in-process (MarketplaceApp) or a Host in its own process.</summary>
public interface IMarketplace
{
    HttpClient Anonymous();
    Task<TestUser> NewShopperAsync(string? name = null);
    Task<TestUser> AdminAsync();
}

/// <summary>A Host reached at a URL (a process of its own, another node...).</summary>
public sealed class RemoteMarketplace(string baseUrl) : IMarketplace
{
    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false })
        { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public Task<TestUser> NewShopperAsync(string? name = null) => Accounts.NewShopperAsync(Anonymous, name);

    public Task<TestUser> AdminAsync() => Accounts.SignInAsync(Anonymous, MarketplaceApp.AdminEmail, MarketplaceApp.AdminPassword);
}

/// <summary>Registering and signing in through the API, for any kind of marketplace.</summary>
public static class Accounts
{
    public const string Password = "password-123";

    public static async Task<TestUser> NewShopperAsync(Func<HttpClient> anonymous, string? name)
    {
        var email = $"{name ?? "shopper"}-{Guid.NewGuid():N}@test.ma".ToLowerInvariant();
        var registered = await anonymous().PostAsJsonAsync("/api/accounts/register", new { email, password = Password, displayName = name ?? "Shopper" });
        await registered.ShouldHaveStatus(201);
        return await SignInAsync(anonymous, email, Password);
    }

    public static async Task<TestUser> SignInAsync(Func<HttpClient> anonymous, string email, string password)
    {
        var login = await anonymous().PostAsJsonAsync("/api/accounts/login", new { email, password });
        await login.ShouldHaveStatus(200);
        var client = anonymous();
        client.DefaultRequestHeaders.Authorization =
            new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (await login.Json())["accessToken"]!.GetValue<string>());
        var me = await (await client.GetAsync("/api/accounts/me")).Json();
        return new TestUser(me["id"]!.GetValue<Guid>(), email, password, client);
    }
}
