namespace Marketplace.BuildingBlocks;

/// <summary>The provinces and prefecture of the Souss-Massa region (reference data of the field, MISSION.md).</summary>
public static class Provinces
{
    public sealed record Province(string Code, LocalizedText Name);

    public static readonly IReadOnlyList<Province> All =
    [
        new("agadir-ida-outanane", new("أكادير إداوتنان", "Agadir Ida-Outanane", "Agadir Ida-Outanane", "ⴰⴳⴰⴷⵉⵔ ⵉⴷⴰ ⵓⵜⴰⵏⴰⵏ")),
        new("inezgane-ait-melloul", new("إنزكان أيت ملول", "Inezgane Aït Melloul", "Inezgane Ait Melloul", "ⵉⵏⵣⴳⴰⵏ ⴰⵢⵜ ⵎⵍⵍⵓⵍ")),
        new("chtouka-ait-baha", new("اشتوكة أيت باها", "Chtouka Aït Baha", "Chtouka Ait Baha", "ⵛⵜⵓⴽⴰ ⴰⵢⵜ ⴱⴰⵀⴰ")),
        new("taroudant", new("تارودانت", "Taroudant", "Taroudant", "ⵜⴰⵔⵓⴷⴰⵏⵜ")),
        new("tiznit", new("تيزنيت", "Tiznit", "Tiznit", "ⵜⵉⵣⵏⵉⵜ")),
        new("tata", new("طاطا", "Tata", "Tata", "ⵟⴰⵟⴰ")),
    ];

    public static bool IsKnown(string? code) => All.Any(p => p.Code == code);
    public static Province? Find(string? code) => All.FirstOrDefault(p => p.Code == code);
}
