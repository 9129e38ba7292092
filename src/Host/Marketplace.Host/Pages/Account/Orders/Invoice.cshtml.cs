using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Invoicing.Contracts;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account.Orders;

/// <summary>
/// /orders/{id}/invoices/{subOrderId}: the cooperative's invoice of a delivered sub-order and its credit notes, in the
/// reader's language, printable (the print stylesheet keeps the documents only), each with its PDF as issued. The shopper
/// who ordered, the cooperative's staff and administrators read it.
/// </summary>
public sealed class InvoiceModel(IMediator mediator) : PageModel
{
    public Guid OrderId { get; private set; }
    public Guid SubOrderId { get; private set; }
    public SubOrderInvoices Invoices { get; private set; } = null!;
    public string OrderNumber { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid subOrderId, CancellationToken ct)
    {
        (OrderId, SubOrderId) = (id, subOrderId);
        try
        {
            Invoices = await mediator.Send(new GetSubOrderInvoices(id, subOrderId, User.UserId(), User.IsAdmin()), ct);
        }
        catch (Marketplace.BuildingBlocks.NotFound) { return NotFound(); }
        catch (Forbidden) { return StatusCode(StatusCodes.Status403Forbidden); }
        OrderNumber = Invoices.Documents.FirstOrDefault()?.Document.OrderNumber ?? "";
        return Page();
    }

    /// <summary>The reader's name of the seller, and its Arabic name beside it when it has one and the reader reads another language.</summary>
    public static (string Name, string? Arabic) SellerNames(Seller seller, string language) =>
        (seller.Name(language), language != "ar" && seller.Names.TryGetValue("ar", out var ar) && !string.IsNullOrWhiteSpace(ar) ? ar : null);

    public static string Percent(decimal rate) => (rate * 100).ToString("0.##", System.Globalization.CultureInfo.CurrentCulture);
}
