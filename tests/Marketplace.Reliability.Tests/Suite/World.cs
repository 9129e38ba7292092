using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Marketplace.Reliability.Tests.Suite;

/// <summary>Who calls: nobody signed in, two shoppers, the staff (owner) of cooperative A, of cooperative B, the administrator.</summary>
public enum Role { Anonymous, Shopper1, Shopper2, StaffA, StaffB, Admin }

/// <summary>
/// Who and what the access table and the fuzz test act on: two shoppers, the staff (owners) of two verified cooperatives,
/// a pending cooperative, the administrator, a published product of each cooperative, and orders of the first shopper
/// (cash on delivery, and card paid through a signed webhook).
/// </summary>
public sealed class World
{
    public required SuiteApp App { get; init; }
    public required TestUser Admin { get; init; }
    public required TestUser Shopper1 { get; init; }
    public required TestUser Shopper2 { get; init; }
    public required MarketCooperative CoopA { get; init; }
    public required MarketCooperative CoopB { get; init; }
    public required Guid PendingCoop { get; init; }
    public required MarketProduct ProductA { get; init; }
    public required MarketProduct ProductB { get; init; }
    public required Guid OrderCash { get; init; }
    public required Guid SubOrderCash { get; init; }
    public required Guid OrderCard { get; init; }
    public required Guid OrderToCancel { get; init; }
    public required Guid DraftProduct { get; init; }
    public required Guid PayoutB { get; init; }
    /// <summary>The bank batch that holds <see cref="PayoutB"/>.</summary>
    public required Guid BatchB { get; init; }
    public required string OtherUserEmail { get; init; }
    /// <summary>A member of cooperative A whose account is the first shopper's (she reads her own statement).</summary>
    public required Guid MemberA { get; init; }
    /// <summary>Cooperative A's ordinary assembly (quorum met), whose surplus its staff may share once.</summary>
    public required Guid AssemblyA { get; init; }
    /// <summary>A certificate cooperative A sent for its product (its review is the administrators').</summary>
    public required Guid CertificateA { get; init; }
    /// <summary>A fair whose stand A1 is cooperative A's owner's exhibitor (listed by the administrator).</summary>
    public required Guid FairA { get; init; }
    /// <summary>Cooperative A's workshop, with no slot yet.</summary>
    public required Guid ExperienceA { get; init; }
    /// <summary>The first shopper's order of product A, delivered, and her review of the product.</summary>
    public required Guid OrderDelivered { get; init; }
    public required Guid SubOrderDelivered { get; init; }
    public required Guid ReviewA { get; init; }
    /// <summary>The draft product's version, for PUT (read again before each use).</summary>
    public int DraftVersion { get; set; } = 1;

    public TestUser StaffA => CoopA.Owner;
    public TestUser StaffB => CoopB.Owner;

    public HttpClient Client(Role role) => role switch
    {
        Role.Anonymous => App.Anonymous(),
        Role.Shopper1 => Shopper1.Client,
        Role.Shopper2 => Shopper2.Client,
        Role.StaffA => StaffA.Client,
        Role.StaffB => StaffB.Client,
        _ => Admin.Client,
    };

    public static async Task<World> CreateAsync(SuiteApp app)
    {
        var market = new HttpMarket(app);
        var coopA = await market.NewCooperativeAsync();
        var coopB = await market.NewCooperativeAsync();
        var pending = await (await (await coopA.Owner.Client.PostJson("/api/cooperatives", CooperativeBody())).ShouldHaveStatus(201)).Json();
        var productA = await market.NewProductAsync(coopA, 80m, 100_000);
        var productB = await market.NewProductAsync(coopB, 120m, 100_000);
        var shopper1 = await app.NewShopperAsync("shopper1");
        var cash = await PlaceAsync(shopper1, productA.Id, "cash_on_delivery");
        var card = await PlaceAsync(shopper1, productB.Id, "card");
        var secret = card["payment"]!["clientSecret"]!.GetValue<string>();
        await (await app.Stripe.Succeed(secret[..secret.IndexOf("_secret_", StringComparison.Ordinal)]).DeliverAsync(app.Anonymous())).ShouldHaveStatus(200);
        var toCancel = await PlaceAsync(shopper1, productA.Id, "cash_on_delivery");
        var draft = await (await (await coopA.Owner.Client.PostJson($"/api/cooperatives/{coopA.Id}/products", ProductBody())).ShouldHaveStatus(201)).Json();
        var other = await app.NewShopperAsync("other");
        var admin = await app.AdminAsync();
        var payout = await PaidOutAsync(app, admin, coopB, card);
        var batch = await (await (await admin.Client.PostJson("/api/admin/bank-batches")).ShouldHaveStatus(201)).Json();
        var (member, assembly) = await MembersEconomyAsync(coopA, shopper1);
        var certificate = await (await (await coopA.Owner.Client.SendAsync(Requests.Certificate(coopA.Id, productA.Id))).ShouldHaveStatus(201)).Json();
        var fair = await (await (await admin.Client.PostJson("/api/admin/fairs", Requests.FairBody())).ShouldHaveStatus(201)).Json();
        await (await admin.Client.SendAsync(Requests.Exhibitors(fair["id"]!.GetValue<Guid>()))).ShouldHaveStatus(200);
        var experience = await (await (await coopA.Owner.Client.PostJson($"/api/cooperatives/{coopA.Id}/experiences", Requests.ExperienceBody()))
            .ShouldHaveStatus(201)).Json();
        var (delivered, review) = await ReviewedAsync(coopA, productA.Id, shopper1);
        return new World
        {
            App = app, Admin = await app.AdminAsync(), Shopper1 = shopper1, Shopper2 = await app.NewShopperAsync("shopper2"),
            CoopA = coopA, CoopB = coopB, PendingCoop = pending["id"]!.GetValue<Guid>(), ProductA = productA, ProductB = productB,
            OrderCash = cash["id"]!.GetValue<Guid>(), SubOrderCash = cash["subOrders"]![0]!["id"]!.GetValue<Guid>(),
            OrderCard = card["id"]!.GetValue<Guid>(), OrderToCancel = toCancel["id"]!.GetValue<Guid>(),
            DraftProduct = draft["id"]!.GetValue<Guid>(), PayoutB = payout, BatchB = batch["id"]!.GetValue<Guid>(), OtherUserEmail = other.Email,
            MemberA = member, AssemblyA = assembly, CertificateA = certificate["id"]!.GetValue<Guid>(),
            FairA = fair["id"]!.GetValue<Guid>(), ExperienceA = experience["id"]!.GetValue<Guid>(),
            OrderDelivered = delivered["id"]!.GetValue<Guid>(), SubOrderDelivered = delivered["subOrders"]![0]!["id"]!.GetValue<Guid>(),
            ReviewA = review,
        };
    }

    /// <summary>An order of product A delivered to the shopper, and her review of the product (once Reviews knows the delivery).</summary>
    private static async Task<(JsonNode Order, Guid Review)> ReviewedAsync(MarketCooperative coop, Guid productId, TestUser shopper)
    {
        var order = await PlaceAsync(shopper, productId, "cash_on_delivery");
        var sub = order["subOrders"]![0]!["id"]!.GetValue<Guid>();
        foreach (var (move, body) in new (string, object?)[] { ("accept", null), ("ship", new { carrier = "Amana", trackingNumber = "AM1" }), ("deliver", null) })
            await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/orders/{sub}/{move}", body)).ShouldHaveStatus(200);
        var url = $"/api/orders/{order["id"]}/sub-orders/{sub}/reviews";
        var review = await Poll.UntilAsync(async () => await shopper.Client.PostJson(url, new { productId, rating = 5, text = "ممتاز" }),
            r => (int)r.StatusCode is 201, TimeSpan.FromSeconds(60), "the delivery known to Reviews");
        return (order, (await review.Json())["id"]!.GetValue<Guid>());
    }

    /// <summary>Cooperative A's member (linked to the shopper's account) who supplied last year, and its annual assembly.</summary>
    private static async Task<(Guid Member, Guid Assembly)> MembersEconomyAsync(MarketCooperative coop, TestUser account)
    {
        var staff = coop.Owner.Client;
        var member = (await (await (await staff.PostJson($"/api/cooperatives/{coop.Id}/members", new { fullName = "Fadma Ait Lahcen", role = "member",
            joinedOn = "2019-01-01", gender = "female", shares = 3, userEmail = account.Email })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        await (await staff.PostJson($"/api/cooperatives/{coop.Id}/supplies", new { memberId = member, date = $"{DateTime.UtcNow.Year - 1}-06-01",
            item = "Amandons", quantity = 20, unit = "kg", unitPrice = Requests.Mad(15m) })).ShouldHaveStatus(201);
        var assembly = await (await (await staff.PostJson($"/api/cooperatives/{coop.Id}/assemblies", new { date = Requests.Today,
            kind = "ordinary", present = new[] { member } })).ShouldHaveStatus(201)).Json();
        return (member, assembly["id"]!.GetValue<Guid>());
    }

    /// <summary>The card order delivered by cooperative B, a payout run for today: B's payout (by bank transfer).</summary>
    private static async Task<Guid> PaidOutAsync(SuiteApp app, TestUser admin, MarketCooperative coop, JsonNode order)
    {
        var staff = coop.Owner.Client;
        await (await staff.PutJson($"/api/cooperatives/{coop.Id}/payout-account", new { method = "bank_transfer", rib = Rib() })).ShouldHaveStatus(200);
        var url = $"/api/cooperatives/{coop.Id}/orders/{order["subOrders"]![0]!["id"]}";
        await Poll.UntilAsync(async () => (int)(await staff.PostJson($"{url}/accept")).StatusCode, s => s == 200, what: "the paid sub-order accepted");
        await (await staff.PostJson($"{url}/ship", new { carrier = "Amana", trackingNumber = "AM123456MA" })).ShouldHaveStatus(200);
        await (await staff.PostJson($"{url}/deliver")).ShouldHaveStatus(200);
        await Poll.UntilAsync(async () => await (await staff.GetAsync($"/api/cooperatives/{coop.Id}/balance")).Json(),
            b => b["available"]!["amount"]!.GetValue<decimal>() > 0, what: "the delivered card sale available");
        var run = await (await (await admin.Client.PostJson("/api/admin/payout-runs", new { periodEnd = Requests.Today })).ShouldHaveStatus(201)).Json();
        return run["payouts"]!.AsArray().Single(p => p!["cooperativeId"]!.GetValue<Guid>() == coop.Id)!["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonNode> PlaceAsync(TestUser shopper, Guid productId, string paymentMethod, int quantity = 1)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(OrderBody(productId, paymentMethod, quantity)) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await (await (await shopper.Client.SendAsync(request)).ShouldHaveStatus(201)).Json();
    }

    public static object OrderBody(Guid productId, string paymentMethod = "cash_on_delivery", int quantity = 1) => new
    {
        lines = new[] { new { productId, quantity } },
        shippingAddress = new { fullName = "Aicha Ouhammou", phone = "+212 6 61 23 45 67", line1 = "12 rue Al Massira", city = "Agadir", province = "Souss-Massa", postalCode = "80000" },
        paymentMethod,
    };

    public static object CooperativeBody() => new
    {
        name = new { fr = $"Coopérative {Guid.NewGuid():N}"[..24], ar = "تعاونية" },
        registrationNumber = $"RC-{Guid.NewGuid():N}"[..24].ToUpperInvariant(),
        province = "tiznit",
        sectors = new[] { "argan" },
        contactEmail = $"coop-{Guid.NewGuid():N}"[..16] + "@test.ma",
        phone = "+212 6 12 34 56 78",
        description = new { fr = "Huile d'argan" },
    };

    public static object ProductBody(int? version = null) => new
    {
        sku = $"SKU-{Guid.NewGuid():N}"[..16].ToUpperInvariant(),
        category = "argan-culinary-oil",
        name = new { fr = "Huile d'argan", ar = "زيت الأركان" },
        description = new { fr = "Pressée à froid." },
        price = new { amount = 90m, currency = "MAD" },
        unit = "bottle 250 ml",
        stock = 10,
        labels = new[] { "IGP" },
        province = "taroudant",
        version,
    };

    /// <summary>A RIB: 22 digits and the key that makes the 24 digits divisible by 97.</summary>
    public static string Rib()
    {
        var digits = string.Concat(Enumerable.Range(0, 22).Select(_ => Random.Shared.Next(10)));
        var key = 97 - (int)(System.Numerics.BigInteger.Parse(digits + "00") % 97);
        return digits + key.ToString("D2");
    }
}
