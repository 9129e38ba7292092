using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using Marketplace.Reviews.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Coop;

/// <summary>
/// The cooperative's reviews (of itself and of its products, newest first) with the private messages beside them: it
/// replies once, publicly, or reports one to the administrators with a reason.
/// </summary>
public sealed class ReviewsModel(IMediator mediator, Texts texts) : CoopPageModel(mediator, texts)
{
    public const int PageSize = 20;
    public ReviewPage List { get; private set; } = null!;
    /// <summary>Its rating as the shop shows it: reviews of the cooperative itself, of the last 12 months.</summary>
    public Rating Rating { get; private set; } = new(null, 0);
    public IReadOnlyDictionary<Guid, string> ProductNames { get; private set; } = new Dictionary<Guid, string>();
    [BindProperty(SupportsGet = true), FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await Mediator.Send(new GetReviewsForCooperativeStaff(Id, UserId, PageNumber, PageSize), ct);
        Rating = (await Mediator.Send(new GetCooperativeReviews(Id, UserId, 1, 1), ct)).Rating;
        var products = List.Items.Where(r => r.ProductId is not null).Select(r => r.ProductId!.Value).Distinct().ToList();
        ProductNames = (await Mediator.Send(new GetShopProducts(products, Lang), ct)).ToDictionary(p => p.Id, p => p.Name);
    }

    public Task<IActionResult> OnPostReplyAsync(Guid reviewId, string? text, CancellationToken ct) =>
        ActAsync(() => Mediator.Send(new ReplyToReview(reviewId, UserId, text), ct), "coop.reviews.replied", "coop.reviews.reply.invalid");

    public Task<IActionResult> OnPostReportAsync(Guid reviewId, string? reason, CancellationToken ct) =>
        ActAsync(() => Mediator.Send(new ReportReview(reviewId, UserId, reason), ct), "coop.reviews.reported", "coop.reviews.report.invalid");

    private async Task<IActionResult> ActAsync(Func<Task<ReviewView>> act, string done, string invalid)
    {
        ModelState.Clear();
        try
        {
            await act();
            return Confirm(T[done]);
        }
        catch (ValidationFailed) { Problem = T[invalid]; }
        catch (DomainRuleViolated refused) { Problem = T["coop.reviews.refused." + refused.Code]; }
        await OnGetAsync(HttpContext.RequestAborted);
        return Page();
    }
}
