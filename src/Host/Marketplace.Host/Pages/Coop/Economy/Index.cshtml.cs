using Marketplace.BuildingBlocks;
using Marketplace.Economy.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Economy;

/// <summary>The members' economy at a glance: what the cooperative owes each member, the year's export, and (owner) its rules.</summary>
public sealed class IndexModel(IMediator mediator, Texts texts, TimeProvider clock) : CoopPageModel(mediator, texts)
{
    public MemberBalances Balances { get; private set; } = null!;
    public EconomySettings Settings { get; private set; } = null!;
    public int LastYear { get; private set; }
    [BindProperty] public string? ShareValue { get; set; }
    [BindProperty] public string? OrdinaryQuorum { get; set; }
    [BindProperty] public string? ExtraordinaryQuorum { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Balances = await Mediator.Send(new GetMemberBalances(Id, UserId), ct);
        Settings = await Mediator.Send(new GetEconomySettings(Id, UserId), ct);
        LastYear = clock.GetUtcNow().Year - 1;
        if (Request.Method != "GET") return;
        ShareValue = CoopForms.Typed(Settings.ShareValue?.Amount);
        (OrdinaryQuorum, ExtraordinaryQuorum) = (Percent(Settings.OrdinaryQuorum), Percent(Settings.ExtraordinaryQuorum));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!Coop.IsOwner) return StatusCode(StatusCodes.Status403Forbidden);
        try
        {
            await Mediator.Send(new SetEconomySettings(Id, UserId, Amount(ShareValue), Fraction(OrdinaryQuorum), Fraction(ExtraordinaryQuorum)), ct);
            return Confirm(T["economy.settings.saved"]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, special: (f, _) => $"economy.error.{f}"); }
        await OnGetAsync(ct);
        return Page();
    }

    private static string Percent(decimal fraction) => CoopForms.Typed(Math.Round(fraction * 100m, 2));

    /// <summary>A percentage as typed ("50", "66,67") as a fraction; what is not one is sent as an impossible fraction.</summary>
    private static decimal? Fraction(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : CoopForms.ParseAmount(typed) / 100m ?? -1m;

    internal static decimal? Amount(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : CoopForms.ParseAmount(typed) ?? -1m;
}
