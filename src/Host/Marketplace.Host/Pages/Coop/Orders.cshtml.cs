using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>
/// The order queue: the cooperative's sub-orders by status, each with the one next step: accept, ship (carrier and
/// tracking number), deliver (the cash collected, for cash on delivery).
/// </summary>
public sealed class OrdersModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    public static readonly string[] Tabs = ["placed", "accepted", "shipped", "delivered", "cancelled"];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public CooperativeSubOrderPage SubOrders { get; private set; } = null!;
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();
    /// <summary>The sub-order whose form was refused: its fields show the errors and what was typed.</summary>
    public Guid? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Counts = await Mediator.Send(new CountCooperativeSubOrders(Id, UserId), ct);
        if (Status == "all") Status = null;
        else if (!Tabs.Contains(Status)) Status = Counts.GetValueOrDefault("placed") > 0 || Counts.Values.Sum() == 0 ? "placed" : null;
        SubOrders = await Mediator.Send(new ListCooperativeSubOrders(Id, UserId, Lang, Status, Math.Max(1, PageNumber), 20), ct);
    }

    public Task<IActionResult> OnPostAcceptAsync(Guid subOrderId, CancellationToken ct) =>
        Move(subOrderId, () => Mediator.Send(new AcceptSubOrder(Id, subOrderId, UserId, Lang), ct), "coop.orders.accepted", ct);

    public Task<IActionResult> OnPostShipAsync(Guid subOrderId, string? carrier, string? trackingNumber, CancellationToken ct) =>
        Move(subOrderId, () => Mediator.Send(new ShipSubOrder(Id, subOrderId, UserId, carrier, trackingNumber, Lang), ct), "coop.orders.shipped", ct);

    public Task<IActionResult> OnPostDeliverAsync(Guid subOrderId, string? cashCollected, CancellationToken ct) => Move(subOrderId, () =>
    {
        var cash = CoopForms.ParseAmount(cashCollected);
        if (cash is null && !string.IsNullOrWhiteSpace(cashCollected)) throw new ValidationFailed("cashCollected", "not an amount");
        return Mediator.Send(new DeliverSubOrder(Id, subOrderId, UserId, cash, Lang), ct);
    }, "coop.orders.delivered", ct);

    private async Task<IActionResult> Move(Guid subOrderId, Func<Task<CooperativeSubOrder>> move, string done, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var moved = await move();
            return Confirm(T[done, moved.OrderNumber], new { status = Status });
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T); }
        catch (DomainRuleViolated refused)
        {
            Problem = refused.Code switch
            {
                "illegal_transition" => T["coop.orders.illegal"],
                "awaiting_payment" => T["coop.orders.awaitingpayment"],
                _ => T["coop.orders.refused", refused.Message],
            };
        }
        Refused = subOrderId;
        await OnGetAsync(ct);
        return Page();
    }

    public string Typed(Guid subOrderId, string field, string fallback = "") =>
        Refused == subOrderId && Request.HasFormContentType ? Request.Form[field].ToString() : fallback;
}
