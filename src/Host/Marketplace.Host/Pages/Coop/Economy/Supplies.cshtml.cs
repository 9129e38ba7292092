using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Economy.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Economy;

/// <summary>A supply as the form sends it (numbers as typed on a phone).</summary>
public sealed class SupplyForm
{
    public Guid? MemberId { get; set; }
    public string? Date { get; set; }
    public string? Item { get; set; }
    public string? Quantity { get; set; }
    public string? Unit { get; set; }
    public string? Grade { get; set; }
    public string? UnitPrice { get; set; }
    public string? Lot { get; set; }
}

/// <summary>
/// Staff record what members delivered, on a phone in a few taps: the form starts from the last item, unit, grade and
/// price recorded, so that a morning of deliveries is a member and a weight each. Below: the month's supplies by item,
/// and each entry with its correction (a reversal, never an edit).
/// </summary>
public sealed class SuppliesModel(IMediator mediator, Texts texts, TimeProvider clock) : CoopPageModel(mediator, texts)
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty] public SupplyForm Input { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }
    public MonthSupplies Supplies { get; private set; } = null!;
    public IReadOnlyList<CooperativeMember> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Supplies = await Mediator.Send(new GetMonthSupplies(Id, UserId, Month, Lang), ct);
        Members = (await Mediator.Send(new GetCooperativeMembers(Id, UserId), ct)).Items.Where(m => m.IsCurrent).ToList();
        if (Request.Method != "GET") return;
        var last = Supplies.Last;
        Input = new SupplyForm
        {
            Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"), Item = last?.Item, Unit = last?.Unit ?? "kg",
            Grade = last?.Grade, UnitPrice = CoopForms.Typed(last?.UnitPrice.Amount), Lot = last?.Lot,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var supply = await Mediator.Send(new RecordSupply(Id, UserId, Input.MemberId, Input.Date, Input.Item, Number(Input.Quantity), Input.Unit,
                Input.Grade, IndexModel.Amount(Input.UnitPrice), Input.Lot), ct);
            return Confirm(T["economy.supplies.recorded", supply.MemberName, Format.Quantity(supply.Quantity), supply.Unit, Format.Money(supply.Amount.Amount)],
                new { month = Month });
        }
        catch (ValidationFailed failed) { ModelState.AddModuleErrors(failed, T, "Input.", (f, _) => $"economy.error.{f}"); }
        catch (NotFound) { ModelState.AddModelError("Input.MemberId", T["economy.error.memberId"]); }
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostReverseAsync(Guid supplyId, CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            await Mediator.Send(new ReverseSupply(Id, UserId, supplyId, Reason), ct);
            return Confirm(T["economy.supplies.reversed"], new { month = Month });
        }
        catch (ValidationFailed) { Problem = T["economy.error.reason"]; }
        catch (DomainRuleViolated) { Problem = T["economy.supplies.alreadyreversed"]; }
        await OnGetAsync(ct);
        return Page();
    }

    private static decimal? Number(string? typed) => string.IsNullOrWhiteSpace(typed) ? null : CoopForms.ParseAmount(typed) ?? -1m;
}
