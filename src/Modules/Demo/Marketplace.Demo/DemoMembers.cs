using Marketplace.Accounts.Contracts;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Economy.Contracts;
using MediatR;

namespace Marketplace.Demo;

/// <summary>
/// The members' economy of the first demo cooperative, through the modules' commands: eight women who deliver argan
/// kernels every month since the start of last year (one supply recorded wrong, then reversed), paid at each month's end
/// (one advance), and the annual assembly of March that shared last year's surplus. One member (Itto) has an account and
/// reads her own statement. The surplus is shared last: when it is, everything is there.
/// </summary>
internal sealed class DemoMembers(IMediator mediator, TimeProvider clock)
{
    private const string Item = "Amandons d'argan";
    private static readonly (string Name, string Role, int Shares, bool Monthly)[] Women =
    [
        ("Fadma Ait Lahcen", "president", 10, true), ("Itto Oubaha", "member", 4, true), ("Aicha Id Bourk", "treasurer", 6, true),
        ("Khadija Amrani", "secretary", 5, false), ("Zahra Bouzid", "member", 3, true), ("Hafsa Ouchen", "member", 2, false),
        ("Mina Akram", "member", 4, true), ("Rkia Bahou", "vice_president", 5, false),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        var owner = await mediator.Send(new EnsureUser(DemoAccounts.OwnerEmail, DemoAccounts.OwnerPassword, DemoAccounts.OwnerName), ct);
        if (await mediator.Send(new FindCooperativeByRegistrationNumber(DemoCatalogue.RegistrationNumber(0)), ct) is not { } coop) return;
        var held = await mediator.Send(new GetAssemblies(coop, owner), ct);
        if (held.Any(a => a.Surplus is not null)) return;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var assemblyDay = new DateOnly(today.Year, 3, 15) is var march && march <= today.AddDays(-7) ? march : march.AddYears(-1);
        var start = new DateOnly(assemblyDay.Year - 1, 1, 1);
        var members = await EnsureMembersAsync(coop, owner, start, ct);
        if ((await mediator.Send(new GetMemberBalances(coop, owner), ct)).Members.All(m => m.Supplied.Amount == 0))
            await SuppliesAndPaymentsAsync(coop, owner, members, start, today, ct);
        var present = members.Take(6).ToList();
        var assembly = held.FirstOrDefault() ?? await mediator.Send(new HoldAssembly(coop, owner, Day(assemblyDay), AssemblyKinds.Ordinary, present, [members[6]],
        [
            new DecisionInput($"Approbation des comptes de l'exercice {assemblyDay.Year - 1}", 7, 0, 0),
            new DecisionInput("Répartition de l'excédent au prorata des apports", 6, 0, 1),
            new DecisionInput("Achat d'une deuxième presse à huile", 4, 2, 1),
        ], "Assemblée réunie au siège de la coopérative, sous la présidence de Fadma Ait Lahcen."), ct);
        await mediator.Send(new ShareSurplus(coop, owner, assembly.Id, 12_000m), ct);
    }

    private async Task<List<Guid>> EnsureMembersAsync(Guid coop, Guid owner, DateOnly joined, CancellationToken ct)
    {
        await mediator.Send(new EnsureUser(DemoAccounts.MemberEmail, DemoAccounts.MemberPassword, DemoAccounts.MemberName), ct);
        var existing = (await mediator.Send(new GetCooperativeMembers(coop, owner), ct)).Items;
        var ids = new List<Guid>();
        for (var i = 0; i < Women.Length; i++)
        {
            var (name, role, shares, _) = Women[i];
            ids.Add(existing.FirstOrDefault(m => m.FullName == name)?.Id ?? (await mediator.Send(new AddCooperativeMember(coop, owner, name, role,
                Day(joined.AddYears(-3 - i % 4)), "female", shares, $"06 61 {20 + i} 45 67", name == "Itto Oubaha" ? DemoAccounts.MemberEmail : null), ct)).Id);
        }
        return ids;
    }

    /// <summary>Each month: kernels on the 5th (the others every other month), paid on the 28th what is owed, rounded down to 10 MAD.</summary>
    private async Task SuppliesAndPaymentsAsync(Guid coop, Guid owner, List<Guid> members, DateOnly start, DateOnly today, CancellationToken ct)
    {
        var random = new Random(2026);
        var owed = new decimal[members.Count];
        for (var month = start; month.AddDays(27) < today; month = month.AddMonths(1))
        {
            var price = 18m + month.Month % 3;
            for (var i = 0; i < members.Count; i++)
            {
                if (!Women[i].Monthly && month.Month % 2 == 0) continue;
                var kg = Math.Round(15m + (decimal)random.NextDouble() * 25m, 1);
                if (month == start && i == 1) // recorded as 10 times the weight, then corrected by a reversal
                {
                    var wrong = await mediator.Send(new RecordSupply(coop, owner, members[i], Day(month.AddDays(4)), Item, kg * 10, "kg", "A", price, "L1"), ct);
                    await mediator.Send(new ReverseSupply(coop, owner, wrong.Id, "Poids saisi avec un zéro de trop", Day(month.AddDays(5))), ct);
                }
                await mediator.Send(new RecordSupply(coop, owner, members[i], Day(month.AddDays(4)), Item, kg, "kg", kg > 30 ? "A" : "B", price,
                    $"L{month:yyMM}"), ct);
                owed[i] += Math.Round(kg * price, 2);
            }
            if (month.AddMonths(1).AddDays(27) >= today) break; // the last month is not paid yet
            for (var i = 0; i < members.Count; i++)
            {
                var pay = Math.Floor(owed[i] / 10m) * 10m;
                if (pay <= 0) continue;
                await mediator.Send(new RecordMemberPayment(coop, owner, members[i], Day(month.AddDays(27)), pay, i % 3 == 0 ? "transfer" : i % 3 == 1 ? "wallet" : "cash",
                    null), ct);
                owed[i] -= pay;
            }
        }
        await mediator.Send(new RecordMemberPayment(coop, owner, members[4], Day(today.AddDays(-3)), owed[4] + 500m, "cash", "Avance pour l'Aïd", Advance: true), ct);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd");
}
