
namespace Marketplace.Tourism.Tests;

public sealed class TourismApp : MarketplaceApp
{
    public HttpMarket Market { get; }
    public TourismApp() => Market = new HttpMarket(this);
}

/// <summary>API.md "Solidarity tourism": a cooperative offers an experience and opens its slots; anyone sees them with seats left.</summary>
public sealed class ExperienceTests(TourismApp app) : IClassFixture<TourismApp>
{
    internal static object Workshop(string cancellation = "72h") => new
    {
        title = new { fr = "Atelier d'huile d'argan", ar = "ورشة زيت الأركان" },
        description = new { fr = "Du fruit à l'huile, avec les femmes de la coopérative." },
        meetingPoint = new { text = "Coopérative, route d'Imouzzer, km 12", latitude = 30.62, longitude = -9.48 },
        durationMinutes = 150, languages = new[] { "ar", "fr", "zgh" }, included = new { fr = "Thé, amlou, un flacon de 50 ml" },
        minimumAge = 6, pricePerPerson = new { amount = 250, currency = "MAD" }, childPrice = 120, cancellation,
    };

    private static string Future(int days, string time = "09:00") => DateTime.UtcNow.Date.AddDays(days).ToString("yyyy-MM-dd") + "T" + time;

    [Fact]
    public async Task A_verified_cooperative_offers_a_workshop_opens_slots_and_anyone_sees_the_seats_left()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var staff = coop.Owner.Client;
        var created = await (await (await staff.PostJson($"/api/cooperatives/{coop.Id}/experiences", Workshop())).ShouldHaveStatus(201)).Json();
        var id = created["id"]!.GetValue<Guid>();
        (created["pricePerPerson"]!.GetValue<decimal>(), created["cancellation"]!.GetValue<string>(), created["province"]!.GetValue<string>())
            .Should().Be((250m, "72h", "taroudant"));

        var slot = await (await (await staff.PostJson($"/api/cooperatives/{coop.Id}/experiences/{id}/slots", new { startsAt = Future(10), capacity = 12 }))
            .ShouldHaveStatus(201)).Json();
        (slot["capacity"]!.GetValue<int>(), slot["seatsLeft"]!.GetValue<int>(), slot["bookable"]!.GetValue<bool>()).Should().Be((12, 12, true));
        slot["startsAt"]!.GetValue<string>().Should().MatchRegex(@"T09:00:00\+0[01]:00$", "Casablanca's time, with its offset (+00:00 in Ramadan)");

        var series = await (await (await staff.PostJson($"/api/cooperatives/{coop.Id}/experiences/{id}/slots/series", new
        {
            from = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd"), to = DateTime.UtcNow.Date.AddDays(28).ToString("yyyy-MM-dd"),
            weekdays = new[] { 6 }, time = "09:30", capacity = 10,
        })).ShouldHaveStatus(200)).Json();
        series.AsArray().Should().HaveCount(4, "four Saturdays in four weeks");
        var again = await (await staff.PostJson($"/api/cooperatives/{coop.Id}/experiences/{id}/slots/series", new
        {
            from = DateTime.UtcNow.Date.AddDays(1).ToString("yyyy-MM-dd"), to = DateTime.UtcNow.Date.AddDays(28).ToString("yyyy-MM-dd"),
            weekdays = new[] { 6 }, time = "09:30", capacity = 10,
        })).Json();
        again.AsArray().Select(s => s!["id"]!.GetValue<Guid>()).Should().Equal(series.AsArray().Select(s => s!["id"]!.GetValue<Guid>()),
            "a season opened again keeps its slots");

        var detail = await (await (await app.Anonymous().GetAsync($"/api/experiences/{id}?lang=ar")).ShouldHaveStatus(200)).Json();
        detail["title"]!.GetValue<string>().Should().Be("ورشة زيت الأركان");
        detail["slots"]!.AsArray().Should().HaveCount(5);
        var list = await (await (await app.Anonymous().GetAsync("/api/experiences?q=argan")).ShouldHaveStatus(200)).Json();
        list["items"]!.AsArray().Should().Contain(e => e!["id"]!.GetValue<Guid>() == id);
        (await (await app.Anonymous().GetAsync("/api/experiences?q=argan&province=tata")).Json())["items"]!.AsArray()
            .Should().NotContain(e => e!["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task Bad_input_another_cooperatives_staff_and_an_unverified_cooperative_are_refused_and_change_nothing()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var other = await app.Market.NewCooperativeAsync();
        var url = $"/api/cooperatives/{coop.Id}/experiences";
        await (await coop.Owner.Client.PostJson(url, new { title = "", durationMinutes = 5, languages = Array.Empty<string>(), pricePerPerson = -1,
            cancellation = "1h" })).ShouldBeValidationProblem("title", "meetingPoint", "durationMinutes", "languages", "pricePerPerson", "cancellation");
        await (await coop.Owner.Client.PostJson(url, new { title = "Visite", meetingPoint = "Tata", durationMinutes = 60, languages = new[] { "fr" },
            pricePerPerson = new { amount = 100, currency = "EUR" }, cancellation = "24h" })).ShouldBeValidationProblem("pricePerPerson");
        await (await other.Owner.Client.PostJson(url, Workshop())).ShouldBeProblem(403);
        await (await app.Anonymous().PostJson(url, Workshop())).ShouldBeProblem(401);

        var pending = (await (await (await coop.Owner.Client.PostJson("/api/cooperatives", new
        {
            name = new { fr = "Coopérative en attente" }, registrationNumber = $"RC-{Guid.NewGuid():N}"[..20].ToUpperInvariant(), province = "tata",
            sectors = new[] { "tourism" }, contactEmail = "attente@test.ma", phone = "0661234567",
        })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
        await (await coop.Owner.Client.PostJson($"/api/cooperatives/{pending}/experiences", Workshop())).ShouldBeProblem(403);

        var id = (await (await coop.Owner.Client.PostJson(url, Workshop())).Json())["id"]!.GetValue<Guid>();
        var slots = $"/api/cooperatives/{coop.Id}/experiences/{id}/slots";
        await (await coop.Owner.Client.PostJson(slots, new { startsAt = "2020-01-01T09:00", capacity = 10 })).ShouldBeValidationProblem("startsAt");
        await (await coop.Owner.Client.PostJson(slots, new { startsAt = "demain", capacity = 0 })).ShouldBeValidationProblem("startsAt");
        await (await coop.Owner.Client.PostJson(slots, new { startsAt = Future(3), capacity = 0 })).ShouldBeValidationProblem("capacity");
        await (await other.Owner.Client.PostJson(slots, new { startsAt = Future(3), capacity = 5 })).ShouldBeProblem(403);
        await (await other.Owner.Client.PostJson($"/api/cooperatives/{other.Id}/experiences/{id}/slots", new { startsAt = Future(3), capacity = 5 }))
            .ShouldBeProblem(404);
        (await (await app.Anonymous().GetAsync($"/api/experiences/{id}")).Json())["slots"]!.AsArray().Should().BeEmpty();
        await (await app.Anonymous().GetAsync($"/api/experiences/{Guid.NewGuid()}")).ShouldBeProblem(404);
    }

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAGCAIAAABxZ0isAAAAEUlEQVR4nGM40aOBFTEMpAQA/4JHQe0VMhIAAAAASUVORK5CYII=");

    private static MultipartFormDataContent Photo(byte[] bytes, string name = "atelier.png") =>
        new() { { new ByteArrayContent(bytes) { Headers = { ContentType = new("image/png") } }, "file", name } };

    [Fact]
    public async Task The_staff_add_photos_that_the_experience_shows_and_the_shop_serves_cacheable_while_others_are_refused()
    {
        var coop = await app.Market.NewCooperativeAsync();
        var other = await app.Market.NewCooperativeAsync();
        var id = (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences", Workshop())).Json())["id"]!.GetValue<Guid>();
        var url = $"/api/cooperatives/{coop.Id}/experiences/{id}/photos";

        var added = await (await (await coop.Owner.Client.PostAsync(url, Photo(Png))).ShouldHaveStatus(201)).Json();
        await (await coop.Owner.Client.PostAsync(url, Photo("<svg onload=alert(1)>"u8.ToArray(), "x.png"))).ShouldBeValidationProblem("file");
        await (await other.Owner.Client.PostAsync(url, Photo(Png))).ShouldBeProblem(403);

        var shown = await (await app.Anonymous().GetAsync($"/api/experiences/{id}")).Json();
        shown["photos"]!.AsArray().Select(p => p!.GetValue<string>()).Should().Equal(added["url"]!.GetValue<string>());
        var file = await app.Anonymous().GetAsync(added["url"]!.GetValue<string>());
        await file.ShouldHaveStatus(200);
        file.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        file.Headers.CacheControl!.ToString().Should().Contain("immutable");
        (await file.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        await (await app.Anonymous().GetAsync($"/api/experiences/{id}/photos/{Guid.NewGuid()}")).ShouldBeProblem(404);
    }
}
