using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>
/// Where payouts go (owner only): a bank transfer to the cooperative's RIB, or a Stripe Connect account. A change
/// holds payouts for 48 hours, which the page says before and after.
/// </summary>
public sealed class PayoutAccountModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    protected override bool OwnerOnly => true;

    [BindProperty] public string? Method { get; set; } = "bank_transfer";
    [BindProperty] public string? Rib { get; set; }
    [BindProperty] public string? StripeAccountId { get; set; }
    public CooperativePayoutAccount? Account { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Account = await Mediator.Send(new ViewCooperativePayoutAccount(Id, UserId), ct);
        if (Request.Method != "GET" || Account is null) return;
        (Method, Rib, StripeAccountId) = (Account.Method, Account.Rib, Account.StripeAccountId);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var account = await Mediator.Send(new SetCooperativePayoutAccount(Id, UserId, Method,
                Method == "bank_transfer" ? Rib : null, Method == "stripe_connect" ? StripeAccountId : null), ct);
            return Confirm(account.OnHold && account.OnHoldUntil is { } until
                ? T["coop.payout.saved.hold", Format.DateTime(until)] : T["coop.payout.saved"]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T); }
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>A RIB in groups, as printed on a bank certificate: bank (3), town (3), account (16), key (2).</summary>
    public static string Grouped(string? rib) => rib is { Length: 24 } r ? $"{r[..3]} {r[3..6]} {r[6..22]} {r[22..]}" : rib ?? "";
}
