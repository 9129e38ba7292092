namespace Marketplace.Accounts.Tests.Integration;

/// <summary>Hosts are stateless: with no key configured, every Host signs and accepts tokens with the key kept in the database.</summary>
public sealed class TwoNodesTests : IAsyncLifetime
{
    private TestDatabase database = null!;
    private MarketplaceApp first = null!, second = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        first = new MarketplaceApp(database);
        await first.InitializeAsync();
        second = new MarketplaceApp(database);
        await second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await first.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task Given_a_token_from_one_host_When_calling_another_Then_it_is_accepted()
    {
        var shopper = await first.NewShopperAsync();
        var onSecond = second.Anonymous();
        onSecond.DefaultRequestHeaders.Authorization = shopper.Client.DefaultRequestHeaders.Authorization;
        var me = await (await (await onSecond.GetAsync("/api/accounts/me")).ShouldHaveStatus(200)).Json();
        me["id"]!.GetValue<Guid>().Should().Be(shopper.Id);
    }
}
