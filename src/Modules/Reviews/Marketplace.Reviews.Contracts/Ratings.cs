namespace Marketplace.Reviews.Contracts;

/// <summary>An average of published reviews' stars (1 to 5, two decimals) and how many they are; null average when none.</summary>
public sealed record Rating(decimal? Average, int Count);

/// <summary>The ratings of these products (all their published reviews); a product without any has a null average and 0.</summary>
public sealed record GetProductRatings(IReadOnlyList<Guid> ProductIds) : MediatR.IRequest<IReadOnlyDictionary<Guid, Rating>>;

/// <summary>A cooperative's rating: its published reviews of itself written in the last 12 months.</summary>
public sealed record GetCooperativeRating(Guid CooperativeId) : MediatR.IRequest<Rating>;
