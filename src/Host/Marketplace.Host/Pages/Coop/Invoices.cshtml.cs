using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Invoicing.Contracts;
using MediatR;

namespace Marketplace.Host.Pages.Coop;

/// <summary>The cooperative's invoices and credit notes, newest first, each with its page and PDF.</summary>
public sealed class InvoicesModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    public CooperativeInvoicePage List { get; private set; } = null!;

    public async Task OnGetAsync(int? pageNumber, CancellationToken ct) =>
        List = await Mediator.Send(new ListCooperativeInvoices(Id, UserId, User.IsAdmin(), pageNumber ?? 1, 50), ct);
}
