using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Host.Web;
using Marketplace.Invoicing.Contracts;
using Marketplace.Orders.Contracts;
using Marketplace.Reviews.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account.Orders;

/// <summary>
/// /orders/{id} (signed in; the folder requires it): the order confirmation and its follow-up: number, status of each
/// cooperative's part with carrier and tracking number, its invoice once delivered, totals, cancel before anything ships, and
/// once delivered the review of each product and of the cooperative (written, edited, withdrawn here).
/// </summary>
public sealed class OrderModel(IMediator mediator, Texts texts) : PageModel
{
    public ShopperOrder Order { get; private set; } = null!;
    public IReadOnlyDictionary<Guid, string> CooperativeNames { get; private set; } = new Dictionary<Guid, string>();
    /// <summary>The invoices of the delivered sub-orders (or why there is none yet).</summary>
    public IReadOnlyDictionary<Guid, SubOrderInvoices> Invoices { get; private set; } = new Dictionary<Guid, SubOrderInvoices>();
    /// <summary>What the shopper may review in each sub-order and what she wrote (nothing for an administrator looking).</summary>
    public IReadOnlyDictionary<Guid, SubOrderReviews> Reviews { get; private set; } = new Dictionary<Guid, SubOrderReviews>();
    [TempData(Key = "order.placed")] public string? JustPlaced { get; set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    /// <summary>Back from the provider's payment page (?payment=done), the webhook not yet in: "payment being confirmed".</summary>
    public bool Confirming => Order.Status == "pending_payment" && Order.PaymentFailure is null && Request.Query["payment"] == "done";

    /// <summary>Back from the provider's payment page without paying (?payment=cancelled).</summary>
    public bool PaymentCancelled => Request.Query["payment"] == "cancelled";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        try
        {
            Order = await mediator.Send(new GetShopperOrder(id, User.UserId(), User.IsAdmin(), PageLanguage.Current), ct);
        }
        catch (Exception e) when (e is Marketplace.BuildingBlocks.NotFound or Forbidden) { return NotFound(); }
        var summaries = await mediator.Send(new GetCooperativeSummaries(Order.SubOrders.Select(s => s.CooperativeId).Distinct().ToList()), ct);
        CooperativeNames = summaries.ToDictionary(s => s.Id, s => Format.Text(s.Name));
        var invoices = new Dictionary<Guid, SubOrderInvoices>();
        foreach (var s in Order.SubOrders.Where(s => s.Status == "delivered"))
            invoices[s.Id] = await mediator.Send(new GetSubOrderInvoices(id, s.Id, User.UserId(), User.IsAdmin()), ct);
        Invoices = invoices;
        Reviews = (await mediator.Send(new GetOrderReviews(id, User.UserId()), ct)).ToDictionary(r => r.SubOrderId);
        return Page();
    }

    public Task<IActionResult> OnPostReviewAsync(Guid id, Guid subOrderId, Guid? productId, int? rating, string? text, string? message,
        CancellationToken ct) => ReviewAsync(id, subOrderId, "shop.reviews.thanks",
        () => mediator.Send(new WriteReview(id, subOrderId, User.UserId(), productId, rating, text, message, PageLanguage.Current), ct));

    public Task<IActionResult> OnPostEditReviewAsync(Guid id, Guid subOrderId, Guid reviewId, int? rating, string? text, CancellationToken ct) =>
        ReviewAsync(id, subOrderId, "shop.reviews.saved", () => mediator.Send(new EditReview(reviewId, User.UserId(), rating, text, PageLanguage.Current), ct));

    public Task<IActionResult> OnPostWithdrawReviewAsync(Guid id, Guid subOrderId, Guid reviewId, CancellationToken ct) =>
        ReviewAsync(id, subOrderId, "shop.reviews.withdrawn", () => mediator.Send(new WithdrawReview(reviewId, User.UserId()), ct));

    /// <summary>Writes, edits or withdraws a review, then back to its part of the order with what happened in the shopper's words.</summary>
    private async Task<IActionResult> ReviewAsync(Guid id, Guid subOrderId, string done, Func<Task<ReviewView>> act)
    {
        try
        {
            await act();
            Message = texts[done];
        }
        catch (Exception e) when (e is Marketplace.BuildingBlocks.NotFound or Forbidden) { return NotFound(); }
        catch (ValidationFailed failed) { Problem = texts[failed.Errors.ContainsKey("rating") ? "shop.reviews.invalid.rating" : "shop.reviews.invalid.text"]; }
        catch (DomainRuleViolated refused) { Problem = texts["shop.reviews.refused." + refused.Code]; }
        return Redirect($"/orders/{id}#reviews-{subOrderId}");
    }

    /// <summary>"Pay now": a fresh payment page at the provider for this unpaid card order (the open one is expired there).</summary>
    public async Task<IActionResult> OnPostPayAsync(Guid id, CancellationToken ct)
    {
        try
        {
            return Redirect(await mediator.Send(new PayShopperOrder(id, User.UserId(), PageLanguage.Current), ct));
        }
        catch (Exception e) when (e is Marketplace.BuildingBlocks.NotFound or Forbidden) { return NotFound(); }
        catch (DomainRuleViolated refused) { Problem = texts["shop.order.pay.refused." + refused.Code]; }
        catch (DependencyUnavailable) { Problem = texts["shop.checkout.retry"]; }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        try
        {
            var order = await mediator.Send(new CancelShopperOrder(id, User.UserId(), User.IsAdmin(), PageLanguage.Current), ct);
            Message = texts["shop.order.cancelled", Shop.ShopFormat.Isolate(order.Number)];
        }
        catch (Exception e) when (e is Marketplace.BuildingBlocks.NotFound or Forbidden) { return NotFound(); }
        catch (DomainRuleViolated refused) { Problem = texts["shop.order.cancel.refused", refused.Message]; }
        catch (DependencyUnavailable) { Problem = texts["shop.checkout.retry"]; }
        return RedirectToPage(new { id });
    }
}
