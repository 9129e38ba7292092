using Marketplace.Catalogue.Contracts;

namespace Marketplace.Orders.Tests.Integration.Scaffold;

/// <summary>TEMPORARY (see <see cref="ContractsScaffold"/>): cooperatives through the real HTTP API, products straight into the scaffold.</summary>
internal sealed class ScaffoldMarket(HttpMarket http, ScaffoldState state) : IMarket
{
    public Task<TestCooperative> NewCooperativeAsync(decimal flatFee = 0m, decimal? freeAbove = null) => http.NewCooperativeAsync(flatFee, freeAbove);

    public Task SuspendAsync(TestCooperative cooperative) => http.SuspendAsync(cooperative);

    public Task<TestProduct> NewProductAsync(TestCooperative cooperative, decimal price, int stock)
    {
        var id = Guid.CreateVersion7();
        var sku = $"SKU-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        state.Products[id] = new CheckoutProduct(id, cooperative.Id, sku, "argan-culinary-oil",
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
}
