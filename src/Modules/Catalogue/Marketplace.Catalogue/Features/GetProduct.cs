using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Domain;
using Marketplace.Cooperatives.Contracts;
using Marten;
using MediatR;
using Npgsql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Caching.Memory;

namespace Marketplace.Catalogue.Features;

/// <summary>
/// A product's details. Anyone sees a published product of a cooperative that is not suspended; its cooperative's
/// staff and administrators also see drafts and hidden ones (to edit them). Otherwise 404.
/// </summary>
internal sealed record GetProduct(Guid ProductId, string Language, Guid? ViewerId = null, bool ViewerIsAdmin = false) : IRequest<ProductViews.Details>;

internal sealed class GetProductHandler(ProductPageSql sql, CooperativeNames names, IMediator mediator) : IRequestHandler<GetProduct, ProductViews.Details>
{
    public async Task<ProductViews.Details> Handle(GetProduct query, CancellationToken ct)
    {
        var (product, suspended) = await sql.FindAsync(query.ProductId, ct) ?? throw new NotFound("The product");
        if ((!product.IsPublished || suspended) && !query.ViewerIsAdmin && !await IsStaffAsync(product.CooperativeId, query.ViewerId, ct))
            throw new NotFound("The product");
        return product.ToDetails(await names.OfAsync(mediator, [product.CooperativeId], ct), query.Language);
    }

    private async Task<bool> IsStaffAsync(Guid cooperativeId, Guid? viewer, CancellationToken ct) =>
        viewer is { } id && (await mediator.Send(new GetCooperativeAccess(cooperativeId, id), ct))?.IsStaff == true;
}

/// <summary>
/// A product's document and whether its cooperative is suspended, in one round trip (the page is read often). The
/// documents read are kept in this node's memory with their version (the stream's: every event raises it, stock
/// included): the statement sends the document only when its version is not the one kept, so that a page read again
/// is not transferred and deserialised again. What is kept is always checked against the database: never stale.
/// </summary>
internal sealed class ProductPageSql(NpgsqlDataSource database, ICatalogueStore store) : IDisposable
{
    public const int MaxKept = 20_000;
    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);
    private readonly string sql = $"select case when d.mt_version = @known then null else d.data end, d.mt_version, " +
        $"coalesce((select (c.data->>'suspended')::boolean from {store.Options.Schema.For<CooperativeStanding>(true)} c " +
        $"where c.id = d.cooperative_id), false) from {store.Options.Schema.For<Product>(true)} d where d.id = @id";
    private readonly ISerializer serializer = store.Options.Serializer();
    private readonly MemoryCache kept = new(new MemoryCacheOptions { SizeLimit = MaxKept });

    private sealed record Kept(long Version, Product Product);

    public async Task<(Product Product, bool Suspended)?> FindAsync(Guid productId, CancellationToken ct)
    {
        var known = kept.TryGetValue(productId, out Kept? k) ? k : null;
        await using var command = database.CreateCommand(sql);
        command.Parameters.AddWithValue("id", productId);
        command.Parameters.AddWithValue("known", known?.Version ?? -1L);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var (version, suspended) = (reader.GetInt64(1), reader.GetBoolean(2));
        if (reader.IsDBNull(0) && known is not null && known.Version == version) return (known.Product, suspended);
        var product = serializer.FromJson<Product>(reader, 0);
        kept.Set(productId, new Kept(version, product), new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused });
        return (product, suspended);
    }

    public void Dispose() => kept.Dispose();
}

internal static class GetProductEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{productId:guid}",
            async (Guid productId, ClaimsPrincipal user, IMediator mediator, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetProduct(productId, Language.Of(http), user.ViewerId(), user.IsAdmin()), ct)))
        .AllowAnonymous()
        .WithSummary("A product's details, with its stock (what can be bought now) and version");
}
