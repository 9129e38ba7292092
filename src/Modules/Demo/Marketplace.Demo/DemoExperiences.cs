using Marketplace.Accounts.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Tourism.Contracts;
using MediatR;

namespace Marketplace.Demo;

/// <summary>
/// Three visits of the demo cooperatives, offered by their owners through Tourism's commands, each with its weekly slots
/// over the coming six weeks: a morning of argan oil in Imouzzer, birds at the mouth of the Massa, a saffron harvest in
/// Taliouine. An experience already there (same French title) is not offered twice; its slots are opened again as the
/// weeks pass (a slot already open is kept).
/// </summary>
internal sealed class DemoExperiences(IMediator mediator, TimeProvider clock)
{
    private sealed record Visit(string Cooperative, string TitleFr, string TitleAr, string TitleEn, string AboutFr, string AboutAr, string Meeting,
        double Latitude, double Longitude, int Minutes, decimal Price, decimal? Child, string Cancellation, int Weekday, string Time, int Capacity,
        string BringFr, string BringAr, decimal? PrivateGroup = null);

    private static readonly Visit[] Visits =
    [
        new("TIF", "Une matinée d'huile d'argan", "صباح زيت الأركان", "A morning of argan oil",
            "Concasser les noix avec les femmes de la coopérative, torréfier, presser, goûter l'amlou au thé.",
            "كسر الثمار مع نساء التعاونية، التحميص، العصر، وتذوق أملو مع الشاي.", "Siège de la coopérative, Imouzzer Ida Outanane",
            30.6720, -9.4810, 180, 250m, 120m, CancellationPolicies.ThreeDays, 6, "09:30", 12,
            "Un foulard pour les cheveux, de l'eau.", "منديل للشعر، وماء.", 2500m),
        new("MSS", "Les oiseaux de l'embouchure de Massa", "طيور مصب ماسة", "The birds of the Massa estuary",
            "Balade guidée au lever du jour le long de l'oued Massa : ibis chauves, flamants, spatules. Jumelles prêtées.",
            "جولة مصحوبة عند الفجر على طول وادي ماسة: أبو منجل الأصلع، النحام، أبو ملعقة. مناظير متوفرة.", "Entrée du parc national, Sidi Rbat, Massa",
            30.0600, -9.6500, 150, 180m, 90m, CancellationPolicies.Day, 0, "07:00", 8,
            "Des vêtements chauds et discrets, de bonnes chaussures.", "ملابس دافئة بألوان هادئة، وأحذية مريحة."),
        new("AZG", "Récolte du safran à Taliouine", "جني الزعفران بتالوين", "Saffron harvest in Taliouine",
            "Cueillir les fleurs à l'aube, émonder les stigmates, les faire sécher ; déjeuner chez une famille de la coopérative.",
            "قطف الأزهار عند الفجر، فصل المياسم وتجفيفها؛ غداء عند عائلة من التعاونية.", "Maison du safran, Taliouine",
            30.5320, -7.9240, 300, 400m, null, CancellationPolicies.Week, 3, "07:30", 10,
            "Une veste (l'aube est fraîche en automne), un chapeau.", "سترة (الفجر بارد في الخريف)، وقبعة."),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var visit in Visits)
        {
            var index = DemoCatalogue.All.ToList().FindIndex(c => c.Code == visit.Cooperative);
            if (index < 0) continue;
            if (await mediator.Send(new FindCooperativeByRegistrationNumber(DemoCatalogue.RegistrationNumber(index)), ct) is not { } coop) continue;
            if (await mediator.Send(new FindUserByEmail(DemoAccounts.OwnerEmailOf(DemoCatalogue.All[index], index)), ct) is not { } owner) continue;
            var offered = (await mediator.Send(new ListCooperativeExperiences(coop, owner.Id, "fr"), ct))
                .FirstOrDefault(e => e.Titles.GetValueOrDefault("fr") == visit.TitleFr)
                ?? await mediator.Send(new CreateExperience(coop, owner.Id, new ExperienceInput(
                    new Dictionary<string, string> { ["fr"] = visit.TitleFr, ["ar"] = visit.TitleAr, ["en"] = visit.TitleEn },
                    new Dictionary<string, string> { ["fr"] = visit.AboutFr, ["ar"] = visit.AboutAr }, visit.Meeting, visit.Latitude, visit.Longitude,
                    visit.Minutes, ["ar", "zgh", "fr"], null, null, null, visit.Price, visit.Child, visit.PrivateGroup, visit.Cancellation,
                    new Dictionary<string, string> { ["fr"] = visit.BringFr, ["ar"] = visit.BringAr })), ct);
            await mediator.Send(new OpenSlotSeries(coop, offered.Id, owner.Id, today.AddDays(2).ToString("yyyy-MM-dd"),
                today.AddDays(44).ToString("yyyy-MM-dd"), [visit.Weekday], visit.Time, visit.Capacity), ct);
        }
    }
}
