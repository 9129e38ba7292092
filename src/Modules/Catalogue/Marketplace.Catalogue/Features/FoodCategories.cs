using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Catalogue.Domain;
using Marketplace.Certification.Contracts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Catalogue.Features;

/// <summary>A category an administrator marked as food (its document's id is the category's code): none is until one is marked.</summary>
internal sealed class FoodCategory
{
    public string Id { get; set; } = "";
    public bool Food { get; set; }
    public Guid SetBy { get; set; }
    public DateTimeOffset SetAt { get; set; }
}

internal static class FoodRule
{
    /// <summary>
    /// Products of a food category (the category, or its parent, marked by an administrator) are published only while a
    /// verified ONSSA certificate of the cooperative covers them (law 28-07): Unprocessable otherwise.
    /// </summary>
    public static async Task RequireFoodSafetyAsync(ICatalogueStore store, IMediator mediator, Guid cooperativeId, Guid productId, DateOnly today,
        CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var product = await session.LoadAsync<Product>(productId, ct);
        if (product is null || product.CooperativeId != cooperativeId) return; // the decision says NotFound
        await RequireFoodSafetyAsync(session, mediator, cooperativeId, productId, product.Category, today, ct);
    }

    /// <summary>The same rule for a product going into <paramref name="category"/> (a published product moved into a food category).</summary>
    public static async Task RequireFoodSafetyAsync(IQuerySession session, IMediator mediator, Guid cooperativeId, Guid productId, string category,
        DateOnly today, CancellationToken ct)
    {
        var codes = new[] { category, Categories.ParentOf(category) }.OfType<string>().ToArray();
        var marked = await session.LoadManyAsync<FoodCategory>(ct, codes);
        if (!marked.Any(c => c.Food)) return;
        if (!await mediator.Send(new HasFoodSafetyCertificate(cooperativeId, productId, today), ct))
            throw new Unprocessable("This product is food: it can be published once an administrator has verified the cooperative's ONSSA " +
                                    "certificate (sanitary authorisation or approval, law 28-07) covering it. Send it from the cooperative's certificates.");
    }
}

internal sealed class FoodCategoriesHandler(ICatalogueStore store, IMediator mediator, TimeProvider clock) :
    IRequestHandler<GetFoodCategories, IReadOnlySet<string>>, IRequestHandler<SetFoodCategory, FoodCategorySet>
{
    public async Task<IReadOnlySet<string>> Handle(GetFoodCategories query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return (await session.Query<FoodCategory>().Where(c => c.Food).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
    }

    public async Task<FoodCategorySet> Handle(SetFoodCategory cmd, CancellationToken ct)
    {
        if (!Categories.IsKnown(cmd.Code)) throw new NotFound("The category");
        await using var session = store.LightweightSession();
        session.Store(new FoodCategory { Id = cmd.Code, Food = cmd.Food, SetBy = cmd.AdminId, SetAt = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        if (!cmd.Food) return new FoodCategorySet(cmd.Code, false, []);
        var codes = Categories.WithDescendants(cmd.Code).ToArray();
        var published = await session.Query<Product>().Where(p => p.Category.In(codes) && p.Status == ProductStatus.Published)
            .ToListAsync(ct);
        var covered = await mediator.Send(new GetFoodSafetyCovered(published.Select(p => new CoveredProduct(p.CooperativeId, p.Id)).ToList(),
            MoroccoTime.Today(clock)), ct);
        return new FoodCategorySet(cmd.Code, true, published.Where(p => !covered.Contains(p.Id))
            .Select(p => new UncertifiedFood(p.Id, p.CooperativeId, p.Listing.Sku, p.Listing.Name.Pick(cmd.Language))).ToList());
    }
}

internal static class FoodCategoryEndpoint
{
    internal sealed record Body(bool? Food);

    public static void Map(RouteGroupBuilder admin) => admin.MapPut("/categories/{code}/food",
            async (string code, Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                if (body.Food is not { } food) throw new ValidationFailed("food", "food is true or false.");
                var set = await mediator.Send(new SetFoodCategory(code, food, user.UserId()), ct);
                return TypedResults.Ok(new { code, food, publishedWithoutCertificate = set.PublishedWithoutCertificate.Select(p => p.ProductId) });
            })
        .WithSummary("Mark a category as food or not: its products then need a verified ONSSA certificate to be published (admin)");
}
