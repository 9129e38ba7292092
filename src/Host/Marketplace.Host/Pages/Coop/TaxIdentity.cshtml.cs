using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>What the cooperative's invoices say of it: ICE, IF, register number, address, VAT. Its staff read it; its owner sets it.</summary>
public sealed class TaxIdentityModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    public static readonly string[] Rates = ["0.20", "0.14", "0.10", "0.07"];

    [BindProperty] public string? Ice { get; set; }
    [BindProperty] public string? TaxId { get; set; }
    [BindProperty] public string? RegisterNumber { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Vat { get; set; }
    public TaxIdentity? Current { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Current = await Mediator.Send(new GetTaxIdentity(Id), ct);
        if (Request.Method != "GET" || Current is null) { Vat ??= "exempt"; return; }
        (Ice, TaxId, RegisterNumber, Address, Vat) = (Current.Ice, Current.TaxId, Current.RegisterNumber, Current.Address, Current.Vat);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!Coop.IsOwner) return StatusCode(StatusCodes.Status403Forbidden);
        try
        {
            await Mediator.Send(new SetTaxIdentity(Id, UserId, Ice, TaxId, RegisterNumber, Address, Vat), ct);
            return Confirm(T["coop.tax.saved"]);
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T); }
        await OnGetAsync(ct);
        return Page();
    }
}
