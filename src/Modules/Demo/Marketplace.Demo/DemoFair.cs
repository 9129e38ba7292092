using System.Text;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Programme.Contracts;
using MediatR;

namespace Marketplace.Demo;

/// <summary>
/// The regional fair the platform comes from, in the demo: its exhibitors imported from a CSV as an administrator would
/// (the demo cooperatives on their stands, linked to their shops, and three exhibitors not yet on the platform, invited),
/// through Programme's commands. Importing the same list again changes nothing; a fair already there is not made twice.
/// </summary>
internal sealed class DemoFair(IMediator mediator)
{
    public const string Name = "Salon régional de l'économie sociale et solidaire, Agadir";

    private static readonly string[] NotYetOnThePlatform =
    [
        "Coopérative Tagant des femmes,tiznit,argan,0661000101,,D1",
        "Gîte solidaire Tagmoute,taroudant,tourism,0661000102,,D2",
        "تعاونية إفران للعسل,chtouka-ait-baha,honey,0661000103,,D3",
    ];

    public async Task EnsureAsync(Guid adminId, CancellationToken ct)
    {
        var fair = (await mediator.Send(new ListFairs(), ct)).FirstOrDefault(f => f.Name == Name)
            ?? await mediator.Send(new CreateFair(adminId, Name, "Agadir, place Al Amal", "2026-11-20", "2026-11-24"), ct);
        var csv = new StringBuilder("name,province,sector,phone,email,stand\n");
        var stands = new List<(string Stand, Guid Cooperative)>();
        for (var i = 0; i < DemoCatalogue.All.Count; i++)
        {
            var demo = DemoCatalogue.All[i];
            if (await mediator.Send(new FindCooperativeByRegistrationNumber(DemoCatalogue.RegistrationNumber(i)), ct) is not { } id) continue;
            var stand = $"{(char)('A' + i / 8)}{i % 8 + 1}";
            csv.Append($"\"{demo.NameFr}\",{demo.Province},{demo.Makes[0]},+212528{200100 + i},,{stand}\n");
            stands.Add((stand, id));
        }
        foreach (var line in NotYetOnThePlatform) csv.Append(line).Append('\n');
        await mediator.Send(new ImportExhibitors(fair.Id, adminId, Encoding.UTF8.GetBytes(csv.ToString())), ct);
        foreach (var (stand, cooperativeId) in stands)
            await mediator.Send(new LinkExhibitor(fair.Id, stand, cooperativeId, null, adminId), ct);
    }
}
