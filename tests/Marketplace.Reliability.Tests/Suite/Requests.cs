using System.Net.Http.Json;
using System.Text;

namespace Marketplace.Reliability.Tests.Suite;

/// <summary>
/// A well-formed request for each route of API.md, aimed at the world's resources (cooperative A and its product, the
/// first shopper's orders...): what an allowed caller would send. The access table and the fuzz test start from these.
/// </summary>
public static class Requests
{
    public static readonly IReadOnlyDictionary<string, Func<World, HttpRequestMessage>> ByRoute = new Dictionary<string, Func<World, HttpRequestMessage>>
    {
        ["POST /api/accounts/register"] = _ => Json("POST", "/api/accounts/register", new { email = $"new-{Guid.NewGuid():N}@test.ma", password = "password-123", displayName = "New" }),
        ["POST /api/accounts/login"] = w => Json("POST", "/api/accounts/login", new { email = w.Shopper2.Email, password = w.Shopper2.Password }),
        ["GET /api/accounts/me"] = _ => Get("/api/accounts/me"),
        ["POST /api/cooperatives"] = _ => Json("POST", "/api/cooperatives", World.CooperativeBody()),
        ["GET /api/cooperatives"] = _ => Get("/api/cooperatives?page=1&pageSize=20"),
        ["GET /api/cooperatives/{}"] = w => Get($"/api/cooperatives/{w.CoopA.Id}"),
        ["POST /api/admin/cooperatives/{}/verify"] = w => Json("POST", $"/api/admin/cooperatives/{w.PendingCoop}/verify", null),
        ["POST /api/admin/cooperatives/{}/suspend"] = w => Json("POST", $"/api/admin/cooperatives/{w.PendingCoop}/suspend", null),
        ["POST /api/admin/cooperatives/{}/reinstate"] = w => Json("POST", $"/api/admin/cooperatives/{w.PendingCoop}/reinstate", null),
        ["POST /api/cooperatives/{}/staff"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/staff", new { email = w.OtherUserEmail }),
        ["POST /api/cooperatives/{}/members"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/members", new { fullName = "Fadma Ait Said", role = "treasurer", joinedOn = "2019-03-01" }),
        ["PUT /api/cooperatives/{}/shipping"] = w => Json("PUT", $"/api/cooperatives/{w.CoopA.Id}/shipping", new { flatFee = Mad(0m) }),
        ["PUT /api/cooperatives/{}/payout-account"] = w => Json("PUT", $"/api/cooperatives/{w.CoopA.Id}/payout-account", new { method = "bank_transfer", rib = World.Rib() }),
        ["POST /api/cooperatives/{}/products"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/products", World.ProductBody()),
        ["PUT /api/cooperatives/{}/products/{}"] = w => Json("PUT", $"/api/cooperatives/{w.CoopA.Id}/products/{w.DraftProduct}", World.ProductBody(w.DraftVersion)),
        ["POST /api/cooperatives/{}/products/{}/publish"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/products/{w.DraftProduct}/publish", null),
        ["POST /api/cooperatives/{}/products/{}/unpublish"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/products/{w.DraftProduct}/unpublish", null),
        ["PUT /api/cooperatives/{}/products/{}/stock"] = w => Json("PUT", $"/api/cooperatives/{w.CoopA.Id}/products/{w.DraftProduct}/stock", new { quantity = 50 }),
        ["GET /api/products"] = _ => Get("/api/products?q=argan&sort=price&page=1&pageSize=20"),
        ["GET /api/products/{}"] = w => Get($"/api/products/{w.ProductA.Id}"),
        ["GET /api/categories"] = _ => Get("/api/categories"),
        ["POST /api/orders"] = w => Idempotent(Json("POST", "/api/orders", World.OrderBody(w.ProductA.Id))),
        ["GET /api/orders"] = _ => Get("/api/orders"),
        ["GET /api/orders/{}"] = w => Get($"/api/orders/{w.OrderCash}"),
        ["POST /api/orders/{}/pay"] = w => Json("POST", $"/api/orders/{w.OrderCard}/pay", null),
        ["POST /api/orders/{}/cancel"] = w => Json("POST", $"/api/orders/{w.OrderToCancel}/cancel", null),
        ["GET /api/cooperatives/{}/orders"] = w => Get($"/api/cooperatives/{w.CoopA.Id}/orders?status=placed"),
        ["POST /api/cooperatives/{}/orders/{}/accept"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/orders/{w.SubOrderCash}/accept", null),
        ["POST /api/cooperatives/{}/orders/{}/ship"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/orders/{w.SubOrderCash}/ship", new { carrier = "Amana", trackingNumber = "AM000111MA" }),
        ["POST /api/cooperatives/{}/orders/{}/deliver"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/orders/{w.SubOrderCash}/deliver", new { }),
        ["POST /api/payments/stripe/webhook"] = _ => new HttpRequestMessage(HttpMethod.Post, "/api/payments/stripe/webhook")
            { Content = new StringContent("""{"id":"evt_forged","type":"payment_intent.succeeded","data":{"object":{}}}""", Encoding.UTF8, "application/json") },
        ["POST /api/payments/cmi/callback"] = w => new HttpRequestMessage(HttpMethod.Post, "/api/payments/cmi/callback")
            { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["oid"] = "SM-2026-000001", ["ProcReturnCode"] = "00", ["HASH"] = "forged" }) },
        ["GET /api/cooperatives/{}/balance"] = w => Get($"/api/cooperatives/{w.CoopA.Id}/balance"),
        ["GET /api/cooperatives/{}/ledger"] = w => Get($"/api/cooperatives/{w.CoopA.Id}/ledger"),
        ["GET /api/cooperatives/{}/statements/{}.csv"] = w => Get($"/api/cooperatives/{w.CoopA.Id}/statements/{DateTime.UtcNow:yyyy-MM}.csv"),
        ["PUT /api/admin/commission"] = _ => Json("PUT", "/api/admin/commission", new { defaultRate = 0.1m, categoryRates = new Dictionary<string, decimal> { ["argan-culinary-oil"] = 0.12m } }),
        ["POST /api/admin/payout-runs"] = _ => Json("POST", "/api/admin/payout-runs", new { periodEnd = Today }),
        ["GET /api/admin/payouts"] = _ => Get("/api/admin/payouts?status=pending"),
        ["POST /api/admin/bank-batches"] = _ => Json("POST", "/api/admin/bank-batches", null),
        ["GET /api/admin/bank-batches"] = _ => Get("/api/admin/bank-batches?page=1&pageSize=20"),
        ["GET /api/admin/bank-batches/{}"] = w => Get($"/api/admin/bank-batches/{w.BatchB}"),
        ["GET /api/admin/bank-batches/{}.csv"] = w => Get($"/api/admin/bank-batches/{w.BatchB}.csv"),
        ["POST /api/admin/payouts/{}/reissue"] = w => Json("POST", $"/api/admin/payouts/{w.PayoutB}/reissue", null),
        ["POST /api/admin/payouts/{}/mark-sent"] = w => Json("POST", $"/api/admin/payouts/{w.PayoutB}/mark-sent", new { bankReference = "VIR-2026-0001" }),
        ["POST /api/admin/reconciliation/bank-statements"] = _ => Upload("/api/admin/reconciliation/bank-statements", "file", "statement.csv", "text/csv",
            "date,reference,amount,counterparty\n2026-11-01,VIR NOTHING,-10.00,Somebody\n"u8.ToArray()),
        ["GET /api/admin/reconciliation"] = _ => Get("/api/admin/reconciliation"),
        ["PUT /api/cooperatives/{}/tax-identity"] = w => Json("PUT", $"/api/cooperatives/{w.CoopA.Id}/tax-identity",
            new { ice = "001525879000063", taxId = "40512345", registerNumber = "RC-412", address = "Taroudant", vat = "exempt" }),
        ["GET /api/orders/{}/sub-orders/{}/invoice"] = w => Get($"/api/orders/{w.OrderCash}/sub-orders/{w.SubOrderCash}/invoice"),
        ["GET /api/cooperatives/{}/invoices"] = w => Get($"/api/cooperatives/{w.CoopA.Id}/invoices"),
        ["POST /api/cooperatives/{}/supplies"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/supplies",
            new { memberId = w.MemberA, date = Today, item = "Amandons", quantity = 2.5m, unit = "kg", unitPrice = Mad(16m), lot = "L1" }),
        ["POST /api/cooperatives/{}/members/{}/payments"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/members/{w.MemberA}/payments",
            new { date = Today, amount = Mad(10m), method = "cash", advance = true }),
        ["GET /api/cooperatives/{}/members/{}/statement"] = w => Get($"/api/cooperatives/{w.CoopA.Id}/members/{w.MemberA}/statement"),
        ["POST /api/cooperatives/{}/assemblies"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/assemblies",
            new { date = Today, kind = "extraordinary", present = new[] { w.MemberA },
                decisions = new[] { new { text = "Change the statutes", @for = 1, against = 0, abstain = 0 } }, minutes = "Minutes" }),
        ["POST /api/cooperatives/{}/certificates"] = w => Certificate(w.CoopA.Id, w.ProductA.Id),
        ["POST /api/admin/certificates/{}/verify"] = w => Json("POST", $"/api/admin/certificates/{w.CertificateA}/verify", null),
        ["POST /api/admin/certificates/{}/reject"] = w => Json("POST", $"/api/admin/certificates/{w.CertificateA}/reject", new { reason = "Illegible" }),
        ["GET /api/cooperatives/{}/certificates"] = w => Get($"/api/cooperatives/{w.CoopA.Id}/certificates"),
        ["GET /api/impact"] = _ => Get($"/api/impact?from=2026-01-01&to={Today}"),
        ["POST /api/admin/fairs"] = _ => Json("POST", "/api/admin/fairs", FairBody()),
        ["POST /api/admin/fairs/{}/exhibitors"] = w => Exhibitors(w.FairA),
        ["GET /api/fairs/{}/stands/{}/qr.png"] = w => Get($"/api/fairs/{w.FairA}/stands/A1/qr.png"),
        ["POST /api/cooperatives/{}/experiences"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/experiences", ExperienceBody()),
        ["POST /api/cooperatives/{}/experiences/{}/slots"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/experiences/{w.ExperienceA}/slots",
            new { startsAt = DateTime.UtcNow.Date.AddDays(20).ToString("yyyy-MM-dd") + "T09:00", capacity = 10 }),
        ["GET /api/experiences"] = _ => Get("/api/experiences?q=argan&page=1&pageSize=20"),
        ["GET /api/experiences/{}"] = w => Get($"/api/experiences/{w.ExperienceA}"),
        ["POST /api/orders/{}/sub-orders/{}/reviews"] = w => Json("POST", $"/api/orders/{w.OrderDelivered}/sub-orders/{w.SubOrderDelivered}/reviews",
            new { rating = 4, text = "Coopérative accueillante", message = "Merci" }),
        ["PUT /api/reviews/{}"] = w => Json("PUT", $"/api/reviews/{w.ReviewA}", new { rating = 3, text = "Bon amlou" }),
        ["DELETE /api/reviews/{}"] = w => new HttpRequestMessage(HttpMethod.Delete, $"/api/reviews/{w.ReviewA}"),
        ["GET /api/products/{}/reviews"] = w => Get($"/api/products/{w.ProductA.Id}/reviews?page=1&pageSize=20"),
        ["GET /api/cooperatives/{}/reviews"] = w => Get($"/api/cooperatives/{w.CoopA.Id}/reviews"),
        ["POST /api/reviews/{}/reply"] = w => Json("POST", $"/api/reviews/{w.ReviewA}/reply", new { text = "Merci !" }),
        ["POST /api/reviews/{}/report"] = w => Json("POST", $"/api/reviews/{w.ReviewA}/report", new { reason = "Hors sujet" }),
        ["POST /api/admin/reviews/{}/hide"] = w => Json("POST", $"/api/admin/reviews/{w.ReviewA}/hide", new { reason = "Propos injurieux" }),
        ["POST /api/admin/reviews/{}/restore"] = w => Json("POST", $"/api/admin/reviews/{w.ReviewA}/restore", new { reason = "Vérifié" }),
        ["POST /api/cooperatives/{}/assemblies/{}/surplus"] = w => Json("POST", $"/api/cooperatives/{w.CoopA.Id}/assemblies/{w.AssemblyA}/surplus",
            new { amount = Mad(500m) }),
    };

    public static object Mad(decimal amount) => new { amount, currency = "MAD" };

    /// <summary>Today in Morocco, yyyy-MM-dd: the platform's days (a payout period, a supply's date) are Casablanca's, not UTC's.</summary>
    public static string Today => Marketplace.BuildingBlocks.MoroccoTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    public static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);

    public static HttpRequestMessage Json(string method, string url, object? body) =>
        new(new HttpMethod(method), url) { Content = JsonContent.Create(body ?? new { }) };

    public static HttpRequestMessage Idempotent(HttpRequestMessage request)
    {
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>An IGP certificate of the cooperative covering the product: its fields and a (small, real) PDF document.</summary>
    public static HttpRequestMessage Certificate(Guid cooperativeId, Guid productId)
    {
        var request = Upload($"/api/cooperatives/{cooperativeId}/certificates", "file", "certificate.pdf", "application/pdf",
            "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray());
        var form = (MultipartFormDataContent)request.Content!;
        var today = DateTime.UtcNow;
        foreach (var (name, value) in new[] { ("kind", "igp"), ("identifier", "IGP-ARGANE-2026-0412"), ("issuer", "Normacert"),
                     ("validFrom", today.AddYears(-1).ToString("yyyy-MM-dd")), ("validTo", today.AddYears(1).ToString("yyyy-MM-dd")), ("productIds", productId.ToString()) })
            form.Add(new StringContent(value), name);
        return request;
    }

    public static object ExperienceBody() => new
    {
        title = new { fr = "Atelier d'huile d'argan" }, description = new { fr = "Du fruit à l'huile." }, meetingPoint = "Coopérative, Taroudant",
        durationMinutes = 120, languages = new[] { "ar", "fr" }, pricePerPerson = Mad(200m), cancellation = "72h",
    };

    public static object FairBody() => new { name = "Salon régional de l'ESS", place = "Agadir", from = "2026-11-20", to = "2026-11-24" };

    /// <summary>The fair's list of exhibitors (stand A1, the same every time: importing it again changes nothing).</summary>
    public static HttpRequestMessage Exhibitors(Guid fairId) => new(HttpMethod.Post, $"/api/admin/fairs/{fairId}/exhibitors")
    {
        Content = new StringContent("name,province,sector,phone,email,stand\nCoopérative Tifawt,Taroudant,saffron,0661234567,,A1\n",
            Encoding.UTF8, "text/csv"),
    };

    public static HttpRequestMessage Upload(string url, string field, string fileName, string contentType, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = new MultipartFormDataContent { { file, field, fileName } } };
    }
}
