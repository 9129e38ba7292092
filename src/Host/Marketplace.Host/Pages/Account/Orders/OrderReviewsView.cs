using Marketplace.Orders.Contracts;
using Marketplace.Reviews.Contracts;

namespace Marketplace.Host.Pages.Account.Orders;

/// <summary>A delivered part of an order as the review forms need it: each product once (by its name on the order), then the cooperative.</summary>
public sealed record OrderReviewsView(Guid OrderId, ShopperSubOrder SubOrder, string CooperativeName, SubOrderReviews Reviews)
{
    /// <summary>What may be reviewed, in the order's order: (product id or null for the cooperative, its name, the review written if any).</summary>
    public IEnumerable<(Guid? ProductId, string Name, ReviewView? Review)> Subjects =>
        SubOrder.Lines.Where(l => Reviews.ProductIds.Contains(l.ProductId)).DistinctBy(l => l.ProductId)
            .Select(l => ((Guid?)l.ProductId, l.Name, Reviews.Reviews.FirstOrDefault(r => r.ProductId == l.ProductId)))
            .Append((null, CooperativeName, Reviews.Reviews.FirstOrDefault(r => r.ProductId is null)));
}

/// <summary>The review form of one subject: <see cref="Key"/> makes its fields' ids unique on the page.</summary>
public sealed record ReviewFormView(string Key, Guid SubOrderId, Guid? ProductId, ReviewView? Existing, bool IsNew);
