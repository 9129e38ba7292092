using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Orders.Tests.Integration.Scaffold;

/// <summary>TEMPORARY (see <see cref="ContractsScaffold"/>): the sellers' side, straight into the scaffold's state.</summary>
internal sealed class ScaffoldMarket(OrdersApp app, ScaffoldState state) : IMarket
{
    public async Task<TestCooperative> NewCooperativeAsync(decimal flatFee = 0m, decimal? freeAbove = null)
    {
        var owner = await app.NewShopperAsync("owner");
        var id = Guid.CreateVersion7();
        state.Cooperatives[id] = new ScaffoldState.Cooperative(owner.Id, CooperativeStatus.Verified);
        if (flatFee > 0 || freeAbove is not null) state.Policies[id] = new ShippingPolicy(id, flatFee, freeAbove);
        return new TestCooperative(id, owner);
    }

    public Task<TestProduct> NewProductAsync(TestCooperative cooperative, decimal price, int stock)
    {
        var id = Guid.CreateVersion7();
        var sku = $"SKU-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        state.Products[id] = new CheckoutProduct(id, cooperative.Id, sku, "argan-oil",
            new Dictionary<string, string> { ["fr"] = $"Huile d'argan {sku}", ["ar"] = "زيت أركان" }, price, "MAD", "bottle 250 ml", true);
        state.Published[id] = true;
        state.SetStock(id, stock);
        return Task.FromResult(new TestProduct(id, sku, cooperative, price));
    }

    public Task<int> AvailableAsync(Guid productId) => Task.FromResult(state.Available(productId));

    public Task UnpublishAsync(TestProduct product)
    {
        state.Published[product.Id] = false;
        return Task.CompletedTask;
    }

    public Task SuspendAsync(TestCooperative cooperative)
    {
        state.Cooperatives[cooperative.Id] = state.Cooperatives[cooperative.Id] with { Status = CooperativeStatus.Suspended };
        return Task.CompletedTask;
    }
}
