using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Orders.Contracts;
using Marketplace.Tourism.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Marketplace.Host.Pages.Account.Orders;

/// <summary>
/// /account/bookings (signed in): my visits, the coming ones first, with where to meet, what to bring and what a cancellation
/// gives back now (the experience's policy and the time left); cancel one with a button.
/// </summary>
public sealed class BookingsModel(IMediator mediator, Texts texts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ShopperBooking> Bookings { get; private set; } = [];
    /// <summary>The experiences booked, as the shop shows them now (what to bring, coordinates); missing when no longer shown.</summary>
    public IReadOnlyDictionary<Guid, ExperienceView> Experiences { get; private set; } = new Dictionary<Guid, ExperienceView>();
    public DateTimeOffset Now { get; private set; }
    [TempData] public string? Message { get; set; }
    [TempData] public string? Problem { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Bookings = await mediator.Send(new ListShopperBookings(User.UserId(), PageLanguage.Current), ct);
        var experiences = new Dictionary<Guid, ExperienceView>();
        foreach (var id in Bookings.Where(b => b.Status is "booked" or "requested").Select(b => b.ExperienceId).Distinct())
        {
            try { experiences[id] = await mediator.Send(new GetExperience(id, PageLanguage.Current), ct); }
            catch (Marketplace.BuildingBlocks.NotFound) { } // its cooperative is no longer shown: the booking keeps its meeting point
        }
        Experiences = experiences;
    }

    /// <summary>Whether cancelling now gives the price back (card), or costs nothing (cash), or not.</summary>
    public bool RefundedNow(ShopperBooking b) => Now < b.FreeCancellationUntil || b.Status == "requested";

    public async Task<IActionResult> OnPostCancelAsync(Guid orderId, Guid slotId, CancellationToken ct)
    {
        try
        {
            var booking = await mediator.Send(new CancelShopperBooking(orderId, slotId, User.UserId(), PageLanguage.Current), ct);
            Message = booking.Status == "given_up" ? texts["shop.bookings.cancelled.kept"]
                : booking.Refund is > 0 ? texts["shop.bookings.cancelled.refund", Format.Money(booking.Refund.Value)] : texts["shop.bookings.cancelled"];
        }
        catch (Exception e) when (e is Marketplace.BuildingBlocks.NotFound or Forbidden) { return NotFound(); }
        catch (DomainRuleViolated refused) { Problem = texts["shop.order.cancel.refused", refused.Message]; }
        catch (DependencyUnavailable) { Problem = texts["shop.checkout.retry"]; }
        return RedirectToPage();
    }
}
