using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Host.Web;
using Marketplace.Reviews.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>
/// The moderation queue: reviews their cooperative reported (most reports first), every published review (the reported
/// first), or the hidden ones; an administrator hides or restores one with a reason.
/// </summary>
public sealed class ReviewsModel(IMediator mediator, Texts texts) : AdminPage
{
    public static readonly string[] States = ["reported", "published", "hidden"];
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    public IReadOnlyList<ModerationItem> Items { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Cooperatives { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyDictionary<Guid, string> Products { get; private set; } = new Dictionary<Guid, string>();
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!States.Contains(State)) State = "reported";
        Items = await mediator.Send(new GetModerationQueue(State, QueryPage, 50), ct);
        Cooperatives = await CooperativeNamesAsync(mediator, Items.Select(i => i.Review.CooperativeId), ct);
        var products = Items.Where(i => i.Review.ProductId is not null).Select(i => i.Review.ProductId!.Value).Distinct().ToList();
        Products = (await mediator.Send(new GetShopProducts(products, Lang), ct)).ToDictionary(p => p.Id, p => p.Name);
    }

    public Task<IActionResult> OnPostHideAsync(Guid reviewId, string? reason, CancellationToken ct) => ModerateAsync(reviewId, true, reason, ct);

    public Task<IActionResult> OnPostRestoreAsync(Guid reviewId, string? reason, CancellationToken ct) => ModerateAsync(reviewId, false, reason, ct);

    private async Task<IActionResult> ModerateAsync(Guid reviewId, bool hide, string? reason, CancellationToken ct)
    {
        try
        {
            await mediator.Send(new ModerateReview(reviewId, AdminId, hide, reason), ct);
            Notice = texts[hide ? "admin.reviews.hidden" : "admin.reviews.restored"];
            return Redirect($"/admin/reviews?state={State}");
        }
        catch (ValidationFailed) { Problem = texts["admin.reviews.reason.needed"]; }
        catch (Marketplace.BuildingBlocks.NotFound) { Problem = texts["admin.reviews.unknown"]; }
        await OnGetAsync(ct);
        return Page();
    }
}
