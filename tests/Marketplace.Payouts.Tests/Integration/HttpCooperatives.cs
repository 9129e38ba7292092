namespace Marketplace.Payouts.Tests.Integration;

/// <summary>The sellers' side through the HTTP API of API.md (the Cooperatives module): applied, verified, with a payout account.</summary>
public sealed class HttpCooperatives(PayoutsApp app)
{
    public async Task<TestCooperative> NewAsync(string name)
    {
        var owner = await app.NewShopperAsync("owner");
        var n = Guid.NewGuid().ToString("N")[..6];
        var (fr, ar) = ($"Coopérative {name} {n}", $"تعاونية {name} {n}");
        var created = await owner.Client.PostJson("/api/cooperatives", new
        {
            name = new { fr, ar },
            registrationNumber = $"RC-{Guid.NewGuid():N}"[..20].ToUpperInvariant(),
            province = "taroudant",
            sectors = new[] { "saffron", "argan" },
            contactEmail = $"coop-{n}@test.ma",
            phone = "+212 6 12 34 56 78",
            description = new { fr = "Safran et huile d'argan" },
        });
        var id = (await (await created.ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        var admin = (await app.AdminAsync()).Client;
        await (await admin.PostJson($"/api/admin/cooperatives/{id}/verify")).ShouldHaveStatus(200);
        return new TestCooperative(id, owner, fr, ar);
    }

    public async Task SetBankAccountAsync(TestCooperative cooperative, string rib) =>
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/payout-account", new { method = "bank_transfer", rib }))
            .ShouldHaveStatus(200);

    public async Task SetStripeAccountAsync(TestCooperative cooperative, string accountId) =>
        await (await cooperative.Owner.Client.PutJson($"/api/cooperatives/{cooperative.Id}/payout-account",
            new { method = "stripe_connect", stripeAccountId = accountId })).ShouldHaveStatus(200);

    /// <summary>Another RIB in place of the first: payouts are held for 48 hours (anti-fraud).</summary>
    public Task ChangeBankAccountAsync(TestCooperative cooperative, string rib) => SetBankAccountAsync(cooperative, rib);
}
