using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account.Orders;

/// <summary>
/// /orders/{id}/pay (signed in): the CMI payment form of an unpaid card order, posted to CMI's gateway by its button (no
/// script: the shopper presses it). The order's page is shown instead when the order is not paid through CMI or not payable.
/// </summary>
public sealed class PayModel(IMediator mediator) : PageModel
{
    public CardPaymentForm Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Form = await mediator.Send(new GetCardPaymentForm(id, User.UserId(), PageLanguage.Current), ct);
            return Page();
        }
        catch (Exception e) when (e is Marketplace.BuildingBlocks.NotFound or Forbidden) { return NotFound(); }
        catch (DomainRuleViolated) { return Redirect($"/orders/{id}"); }
    }
}
