using Marketplace.Host.Web;
using Marketplace.Tourism.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Shop;

/// <summary>/experiences: the cooperatives' visits, workshops and stays, those with a date to book first, with their next dates.</summary>
public sealed class ExperiencesModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    public ExperiencePage Found { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Found = await mediator.Send(new ListExperiences(PageLanguage.Current, Q, PageSize: 50), ct);
}
