using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>The delivery fee of each of the cooperative's sub-orders, and the amount of items above which it is free.</summary>
public sealed class DeliveryModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    [BindProperty] public string? FlatFee { get; set; }
    [BindProperty] public string? FreeAbove { get; set; }
    public ShippingPolicy Policy { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Policy = (await Mediator.Send(new GetShippingPolicies([Id]), ct)).FirstOrDefault() ?? new ShippingPolicy(Id, 0m, null);
        if (Request.Method != "GET") return;
        FlatFee = CoopForms.Typed(Policy.FlatFee);
        FreeAbove = CoopForms.Typed(Policy.FreeAbove);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var flat = CoopForms.ParseAmount(FlatFee);
        var above = CoopForms.ParseAmount(FreeAbove);
        if (flat is null) ModelState.AddModelError(nameof(FlatFee), T["coop.error.flatFee"]);
        if (above is null && !string.IsNullOrWhiteSpace(FreeAbove)) ModelState.AddModelError(nameof(FreeAbove), T["coop.error.freeAbove"]);
        if (ModelState.IsValid)
            try
            {
                await Mediator.Send(new SetShippingPolicy(Id, UserId, flat!.Value, above), ct);
                return Confirm(T["coop.delivery.saved"]);
            }
            catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T); }
        await OnGetAsync(ct);
        return Page();
    }
}
