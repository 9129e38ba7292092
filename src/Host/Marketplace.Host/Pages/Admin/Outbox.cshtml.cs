using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// Integration events that a module has not taken: parked after their last attempt (with the error), retrying, or waiting
/// behind one of those in their stream. An administrator replays one, or every parked one, once the cause is fixed.
/// </summary>
public sealed class OutboxModel(OutboxAdministration outbox, Texts texts) : AdminPage
{
    [BindProperty] public string? EventId { get; set; }

    public IReadOnlyList<UndeliveredEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Events = await outbox.ListAsync(ct);

    public async Task<IActionResult> OnPostReplayAsync(CancellationToken ct)
    {
        try
        {
            await outbox.ReplayAsync(EventId ?? "", ct);
            Notice = texts["admin.outbox.replayed", 1];
        }
        catch (NotFound)
        {
            Notice = texts["admin.outbox.gone"];
        }
        return Redirect("/admin/outbox");
    }

    public async Task<IActionResult> OnPostReplayAllAsync(CancellationToken ct)
    {
        Notice = texts["admin.outbox.replayed", await outbox.ReplayAllAsync(ct)];
        return Redirect("/admin/outbox");
    }
}
