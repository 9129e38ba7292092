using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Marketplace.Testing;

/// <summary>The shopper's side: checkout requests and reading orders.</summary>
public static class Shop
{
    public static readonly object Address = new
    {
        fullName = "Fatima Ait Lahcen", phone = "+212 600 000 000", line1 = "12 rue des Oliviers", city = "Agadir",
        province = "Agadir Ida-Outanane", postalCode = "80000",
    };

    public static object Cart(string paymentMethod, params (MarketProduct Product, int Quantity)[] lines) => new
    {
        lines = lines.Select(l => new { productId = l.Product.Id, quantity = l.Quantity }).ToArray(),
        shippingAddress = Address,
        paymentMethod,
    };

    public static Task<HttpResponseMessage> CheckoutAsync(this HttpClient client, object body, string? key = null) =>
        client.SendAsync(Request(JsonContent.Create(body), key ?? Guid.NewGuid().ToString()));

    public static Task<HttpResponseMessage> CheckoutRawAsync(this HttpClient client, string json, string? key) =>
        client.SendAsync(Request(new StringContent(json, Encoding.UTF8, "application/json"), key));

    private static HttpRequestMessage Request(HttpContent content, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = content };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    /// <summary>Checkout that must succeed (201); answers the order.</summary>
    public static async Task<JsonNode> PlaceAsync(this HttpClient client, object body) =>
        await (await (await client.CheckoutAsync(body)).ShouldHaveStatus(201)).Json();

    public static async Task<JsonNode> OrderAsync(this HttpClient client, Guid id) =>
        await (await (await client.GetAsync($"/api/orders/{id}")).ShouldHaveStatus(200)).Json();

    public static Guid Id(this JsonNode node) => node["id"]!.GetValue<Guid>();
    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();
    public static decimal Amount(this JsonNode node, string name) => node[name]!["amount"]!.GetValue<decimal>();
    public static JsonNode SubOrderOf(this JsonNode order, MarketCooperative cooperative) =>
        order["subOrders"]!.AsArray().Single(s => s!["cooperativeId"]!.GetValue<Guid>() == cooperative.Id)!;

    public static async Task<JsonNode> MoveAsync(this MarketCooperative cooperative, Guid subOrderId, string move, object? body = null, int status = 200) =>
        await (await (await cooperative.Owner.Client.PostJson($"/api/cooperatives/{cooperative.Id}/orders/{subOrderId}/{move}", body))
            .ShouldHaveStatus(status)).Json();

    public static object Shipment(string trackingNumber = "AMANA-123456") => new { carrier = "Amana", trackingNumber };
}
