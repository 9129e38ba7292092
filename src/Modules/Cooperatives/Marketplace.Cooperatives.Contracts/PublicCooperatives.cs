using MediatR;

namespace Marketplace.Cooperatives.Contracts;

// What the shop's pages show of cooperatives (the same queries as GET /api/cooperatives and /api/cooperatives/{id}).
// Texts in the asked language ("ar", "fr", "en", "zgh"), falling back to another language the cooperative has.

/// <summary>
/// A cooperative's public profile. A pending or suspended one is shown only to its staff and administrators
/// (NotFound for others).
/// </summary>
public sealed record GetPublicCooperative(Guid CooperativeId, string Language, Guid? ViewerId = null, bool ViewerIsAdmin = false)
    : IRequest<PublicCooperative>;

/// <param name="ProvinceName">by language.</param>
/// <param name="Sectors">short words or category codes.</param>
/// <param name="Status">pending, verified or suspended (<see cref="CooperativeStatus"/>).</param>
/// <param name="Shipping">its delivery fee rule; null when it set none (no fee).</param>
public sealed record PublicCooperative(Guid Id, string Name, string Description, string Province,
    IReadOnlyDictionary<string, string> ProvinceName, IReadOnlyList<string> Sectors, string ContactEmail, string Phone, string Status,
    DateTimeOffset? VerifiedAt, ShippingPolicy? Shipping);

/// <summary>The directory of verified cooperatives, oldest first, optionally in one province (a code).</summary>
/// <paramref name="Sectors"/>: those with any of these sectors (a category and its children, say).
public sealed record ListPublicCooperatives(string Language, string? Province = null, int Page = 1, int PageSize = 20, IReadOnlyList<string>? Sectors = null)
    : IRequest<PublicCooperativePage>;

public sealed record PublicCooperativePage(IReadOnlyList<PublicCooperativeItem> Items, long Total, int Page, int PageSize);

public sealed record PublicCooperativeItem(Guid Id, string Name, string Description, string Province,
    IReadOnlyDictionary<string, string> ProvinceName, IReadOnlyList<string> Sectors);
