using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Orders.Contracts;
using Marketplace.Tourism.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>
/// The cooperative's calendar: its dates day by day with who comes (name, phone, participants, paid or cash to collect); the
/// visit marked done once it took place; a date cancelled with a reason (every booking refunded in full, counted against it).
/// </summary>
public sealed class CalendarModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    public IReadOnlyList<CalendarSlot> Slots { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Slots = await Mediator.Send(new GetBookingCalendar(Id, UserId, Lang), ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid experienceId, Guid slotId, string? reason, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await Mediator.Send(new CancelSlot(Id, experienceId, slotId, UserId, reason), ct);
            return Confirm(T["coop.calendar.cancelled"]);
        }
        catch (ValidationFailed) { Problem = T["coop.calendar.reason"]; }
        catch (DomainRuleViolated refused) { Problem = T["coop.orders.refused", refused.Message]; }
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>A booking of a date on request is confirmed: its sub-order accepted.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid subOrderId, CancellationToken ct)
    {
        try
        {
            var confirmed = await Mediator.Send(new AcceptSubOrder(Id, subOrderId, UserId, Lang), ct);
            return Confirm(T["coop.calendar.confirmed", confirmed.OrderNumber]);
        }
        catch (DomainRuleViolated refused) { Problem = T["coop.orders.refused", refused.Message]; }
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>A booking of a date on request is declined, with a reason for the shopper: refunded in full.</summary>
    public async Task<IActionResult> OnPostDeclineAsync(Guid orderId, Guid slotId, string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500) Problem = T["coop.calendar.reason"];
        else
        {
            try
            {
                await Mediator.Send(new CancelBookingByCooperative(orderId, slotId, Id, UserId, reason.Trim(), Decline: true), ct);
                return Confirm(T["coop.calendar.declined"]);
            }
            catch (DomainRuleViolated refused) { Problem = T["coop.orders.refused", refused.Message]; }
        }
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>The visit took place: the booking's sub-order is accepted if it was not yet, then delivered (cash collected: its total).</summary>
    public async Task<IActionResult> OnPostDoneAsync(Guid subOrderId, string status, CancellationToken ct)
    {
        try
        {
            if (status == "placed") await Mediator.Send(new AcceptSubOrder(Id, subOrderId, UserId, Lang), ct);
            var done = await Mediator.Send(new DeliverSubOrder(Id, subOrderId, UserId, null, Lang), ct);
            return Confirm(T["coop.calendar.done", done.OrderNumber]);
        }
        catch (DomainRuleViolated refused) { Problem = T["coop.orders.refused", refused.Message]; }
        await OnGetAsync(ct);
        return Page();
    }
}
