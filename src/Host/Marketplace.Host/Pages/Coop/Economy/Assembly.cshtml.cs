using Marketplace.BuildingBlocks;
using Marketplace.Economy.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Economy;

/// <summary>The printable record of a general assembly, and (annual ordinary assembly) the sharing of the year's surplus.</summary>
public sealed class AssemblyModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    [BindProperty(SupportsGet = true)] public Guid AssemblyId { get; set; }
    [BindProperty] public string? Surplus { get; set; }
    public AssemblyRecord Record { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Record = await Mediator.Send(new GetAssembly(Id, UserId, AssemblyId), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var record = await Mediator.Send(new ShareSurplus(Id, UserId, AssemblyId, IndexModel.Amount(Surplus)), ct);
            return Confirm(T["economy.surplus.shared", Format.Money(record.Surplus!.Amount.Amount), record.Surplus.Shares.Count]);
        }
        catch (ValidationFailed) { ModelState.AddModelError(nameof(Surplus), T["economy.error.surplus"]); }
        catch (Unprocessable refused) { Problem = refused.Message.Contains("supplied") ? T["economy.surplus.nosupplies"] : T["economy.surplus.refused"]; }
        catch (DomainRuleViolated) { Problem = T["economy.surplus.already"]; }
        await OnGetAsync(ct);
        return Page();
    }
}
