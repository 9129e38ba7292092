using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Domain;

namespace Marketplace.Cooperatives.Features;

/// <summary>A delivery fee as the API writes it: Money each.</summary>
internal sealed record ShippingView(Money FlatFee, Money? FreeAbove);

/// <summary>A cooperative in the directory: name and description in the asked language (or another it has).</summary>
internal sealed record CooperativeListItem(Guid Id, string Name, string Description, string Province,
    IReadOnlyDictionary<string, string> ProvinceName, IReadOnlyList<string> Sectors, string Status);

/// <summary>A cooperative's public profile. <see cref="Names"/> and <see cref="Descriptions"/> hold every language it has.</summary>
internal sealed record CooperativeProfile(Guid Id, string Name, IReadOnlyDictionary<string, string> Names, string Description,
    IReadOnlyDictionary<string, string> Descriptions, string RegistrationNumber, string Province,
    IReadOnlyDictionary<string, string> ProvinceName, IReadOnlyList<string> Sectors, string ContactEmail, string Phone,
    string Status, DateTimeOffset AppliedAt, DateTimeOffset? VerifiedAt, ShippingView? Shipping,
    Marketplace.Reviews.Contracts.Rating? Rating = null);

internal static class CooperativeViews
{
    public static IReadOnlyDictionary<string, string> ProvinceName(string code) =>
        Provinces.Find(code) is { } province ? Texts.Of(province.Name) : new Dictionary<string, string>();

    public static CooperativeListItem ListItem(Cooperative c, string language) =>
        new(c.Id, Texts.Pick(c.Name, language), Texts.Pick(c.Description, language), c.Province, ProvinceName(c.Province),
            c.Sectors, c.StatusName);

    public static CooperativeProfile Profile(Cooperative c, string language) =>
        new(c.Id, Texts.Pick(c.Name, language), c.Name, Texts.Pick(c.Description, language), c.Description, c.RegistrationNumber,
            c.Province, ProvinceName(c.Province), c.Sectors, c.ContactEmail, c.Phone, c.StatusName, c.AppliedAt, c.VerifiedAt,
            c.Shipping is { } s ? new ShippingView(s.FlatFee, s.FreeAbove) : null);
}
