using System.Text.Json.Nodes;
using Marketplace.Testing.Stripe;
using Npgsql;

namespace Marketplace.Reliability.Tests.Suite;

/// <summary>
/// The money invariants, checked after each test of the suite against the platform as its clients see it (plus the
/// Orders event store for the count of payments): each cooperative's balance equals the sum of its ledger entries, no
/// cooperative was paid out more than it earned, every paid card order was paid exactly once.
/// </summary>
public sealed class MoneyInvariants(IMarketplace platform, string connectionString, StripeFake? stripe = null)
{
    public MoneyInvariants(MarketplaceApp app, StripeFake? stripe = null) : this(app, app.Database.ConnectionString, stripe) { }

    /// <summary>Figures of the last check: cooperatives, ledger entries, payouts and paid card orders looked at.</summary>
    public (int Cooperatives, int Entries, int Payouts, int PaidCardOrders) Checked { get; private set; }

    public async Task CheckAsync()
    {
        var admin = (await platform.AdminAsync()).Client;
        var problems = new List<string>();
        var (entriesSeen, payoutsSeen) = (0, 0);
        var cooperatives = new List<Guid>();
        foreach (var status in new[] { "pending", "verified", "suspended" })
            cooperatives.AddRange((await AllAsync(admin, $"/api/cooperatives?status={status}")).Select(c => c["id"]!.GetValue<Guid>()));
        foreach (var id in cooperatives.Distinct())
        {
            var balance = await (await (await admin.GetAsync($"/api/cooperatives/{id}/balance")).ShouldHaveStatus(200)).Json();
            var entries = await AllAsync(admin, $"/api/cooperatives/{id}/ledger");
            entriesSeen += entries.Count;
            foreach (var (account, field) in new[] { ("pending", "pending"), ("available", "available"), ("owed_to_platform", "owedToPlatform") })
            {
                var sum = entries.Where(e => e["account"]?.GetValue<string>() == account).Sum(e => Mad(e["amount"]));
                if (sum != Mad(balance[field])) problems.Add($"cooperative {id}: {field} is {Mad(balance[field])} but its entries add up to {sum}");
            }
            var earned = entries.Where(e => e["account"]?.GetValue<string>() == "available" && Mad(e["amount"]) > 0 && e["kind"]?.GetValue<string>() != "payout_returned")
                .Sum(e => Mad(e["amount"]));
            var payouts = (await AllAsync(admin, $"/api/admin/payouts?cooperativeId={id}")).Where(p => p["status"]!.GetValue<string>() != "failed").ToList();
            payoutsSeen += payouts.Count;
            var paid = payouts.Sum(p => Mad(p["amount"]));
            if (paid > earned) problems.Add($"cooperative {id}: paid out {paid}, more than the {earned} it earned");
        }

        var paidCard = (await AllAsync(admin, "/api/orders"))
            .Where(o => o["payment"]!["method"]!.GetValue<string>() == "card"
                        && o["payment"]!["status"]!.GetValue<string>() is "paid" or "refund_pending" or "refunded")
            .Select(o => o["id"]!.GetValue<Guid>()).ToList();
        var payments = await PaymentsByOrderAsync();
        foreach (var order in paidCard)
            if (payments.GetValueOrDefault(order) != 1) problems.Add($"order {order} is paid by card with {payments.GetValueOrDefault(order)} successful payments");
        foreach (var (order, count) in payments.Where(p => p.Value > 1)) problems.Add($"order {order} has {count} successful payments");
        if (stripe is not null)
            foreach (var order in paidCard)
            {
                var succeeded = stripe.PaymentIntents.Values.Count(p => p["metadata"]?["orderId"]?.GetValue<string>() == order.ToString()
                                                                        && p["status"]?.GetValue<string>() == "succeeded");
                if (succeeded > 1) problems.Add($"order {order}: {succeeded} payment intents succeeded at Stripe");
            }
        Checked = (cooperatives.Distinct().Count(), entriesSeen, payoutsSeen, paidCard.Count);
        problems.Should().BeEmpty("the money invariants hold ({0} cooperatives, {1} entries, {2} payouts, {3} paid card orders)",
            Checked.Cooperatives, Checked.Entries, Checked.Payouts, Checked.PaidCardOrders);
    }

    /// <summary>The Orders store's payment events per order stream (the order's id).</summary>
    private async Task<Dictionary<Guid, int>> PaymentsByOrderAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select stream_id, count(*)::int from orders.mt_events where type like '%order_paid' group by stream_id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<Guid, int>();
        while (await reader.ReadAsync()) counts[reader.GetGuid(0)] = reader.GetInt32(1);
        return counts;
    }

    private static async Task<List<JsonNode>> AllAsync(HttpClient client, string url)
    {
        var items = new List<JsonNode>();
        for (var page = 1; ; page++)
        {
            var separator = url.Contains('?') ? '&' : '?';
            var list = await (await (await client.GetAsync($"{url}{separator}page={page}&pageSize=100")).ShouldHaveStatus(200)).Json();
            var batch = list["items"]!.AsArray();
            items.AddRange(batch.Select(i => i!));
            if (batch.Count < 100 || items.Count >= list["total"]!.GetValue<int>()) return items;
        }
    }

    private static decimal Mad(JsonNode? money) => money?["amount"]?.GetValue<decimal>() ?? 0m;
}
