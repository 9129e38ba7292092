using Marketplace.BuildingBlocks;
using Marketplace.Economy.Contracts;
using Marketplace.Host.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop.Economy;

/// <summary>A member's statement for a period (printable, CSV), and the form to record what the cooperative paid her.</summary>
public sealed class StatementModel(IMediator mediator, Texts texts, TimeProvider clock) : CoopPageModel(mediator, texts)
{
    [BindProperty(SupportsGet = true)] public Guid MemberId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty] public string? PaidOn { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public bool Advance { get; set; }
    public MemberStatement Statement { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        try { Statement = await Mediator.Send(new GetMemberStatement(Id, UserId, MemberId, From, To), ct); }
        catch (ValidationFailed) { (From, To) = (null, null); Statement = await Mediator.Send(new GetMemberStatement(Id, UserId, MemberId, null, null), ct); }
        if (Request.Method != "GET") return;
        (PaidOn, Method) = (DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"), PaymentMethods.Cash);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        try
        {
            var paid = await Mediator.Send(new RecordMemberPayment(Id, UserId, MemberId, PaidOn, IndexModel.Amount(Amount), Method, Note, Advance), ct);
            return Confirm(T["economy.payment.recorded", Format.Money(paid.Amount.Amount)], new { from = From, to = To });
        }
        catch (ValidationFailed failed)
        {
            ModelState.AddModuleErrors(failed, T, special: (f, _) => f == "date" ? "economy.error.paidOn" : $"economy.error.{f}");
            if (ModelState.TryGetValue("Date", out var date)) foreach (var e in date.Errors) ModelState.AddModelError(nameof(PaidOn), e.ErrorMessage);
        }
        catch (Unprocessable) { ModelState.AddModelError(nameof(Amount), T["economy.error.morethanowed"]); }
        await OnGetAsync(ct);
        return Page();
    }
}
