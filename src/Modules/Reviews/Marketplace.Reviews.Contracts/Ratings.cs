namespace Marketplace.Reviews.Contracts;

/// <summary>An average of published reviews' stars (1 to 5, two decimals) and how many they are; null average when none.</summary>
public sealed record Rating(decimal? Average, int Count);
