using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// The files of bank transfers handed to the bank: a new batch takes every pending bank transfer that is in no batch yet;
/// each batch's file is the same at every download, and a payout is in one batch only.
/// </summary>
public sealed class BankBatchesModel(IMediator mediator, Texts texts) : AdminPage
{
    public AdminBankBatchPage Batches { get; private set; } = null!;
    public long Waiting { get; private set; }
    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Batches = await mediator.Send(new ListBankBatchesForAdmin(QueryPage, 20), ct);
        var pending = await mediator.Send(new ListPayoutsForAdmin("pending", PageSize: 100), ct);
        Waiting = pending.Items.Count(p => p is { Method: "bank_transfer", BatchId: null });
        Names = await CooperativeNamesAsync(mediator, Batches.Items.SelectMany(b => b.Payouts).Select(p => p.CooperativeId), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            var batch = await mediator.Send(new CreateBankBatchForAdmin(AdminId), ct);
            Notice = texts["admin.batches.made", batch.Number, batch.Payouts.Count];
        }
        catch (Unprocessable)
        {
            Notice = texts["admin.batches.nothing"];
        }
        return Redirect("/admin/bank-batches");
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var file = await mediator.Send(new GetBankBatchFileForAdmin(id), ct);
            return File(file.Content, "text/csv; charset=utf-8", file.FileName);
        }
        catch (Marketplace.BuildingBlocks.NotFound) { return NotFound(); }
    }

    public string PageLink(int page) => page == 1 ? "/admin/bank-batches" : $"/admin/bank-batches?page={page}";
}
