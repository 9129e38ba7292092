using Marketplace.BuildingBlocks;
using Marketplace.Host.Pages.Coop;
using Marketplace.Host.Web;
using Marketplace.Programme.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin.Fairs;

/// <summary>/admin/fairs: the fairs, and a new one (Programme's CreateFair).</summary>
public sealed class IndexModel(IMediator mediator, Texts texts) : AdminPage
{
    [BindProperty] public FairInput Input { get; set; } = new();
    public IReadOnlyList<FairSummary> Fairs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Fairs = await mediator.Send(new ListFairs(), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var fair = await mediator.Send(new CreateFair(AdminId, Input.Name, Input.Place, Input.From, Input.To), ct);
            Notice = texts["admin.fairs.created"];
            return Redirect($"/admin/fairs/{fair.Id}");
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, texts, "Input.", (name, _) => $"admin.fairs.error.{name}"); }
        await OnGetAsync(ct);
        return Page();
    }
}

public sealed class FairInput
{
    public string? Name { get; set; }
    public string? Place { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
}
