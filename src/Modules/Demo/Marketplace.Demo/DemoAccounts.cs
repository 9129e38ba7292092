using Microsoft.Extensions.Configuration;

namespace Marketplace.Demo;

/// <summary>
/// The demo accounts. Their passwords are fixed on purpose: they are demo data, printed by build/run.sh and given in
/// the README, not secrets (a real deployment does not set MARKETPLACE_SEED_DEMO).
/// </summary>
internal static class DemoAccounts
{
    /// <summary>Owner of the first demo cooperative (Coopérative Tifaouine): signs in and manages its listings.</summary>
    public const string OwnerEmail = "cooperative@demo.souss-massa.ma";
    public const string OwnerPassword = "demo-cooperative-2026";
    public const string OwnerName = "Fadma (demo cooperative owner)";

    public const string ShopperEmail = "shopper@demo.souss-massa.ma";
    public const string ShopperPassword = "demo-shopper-2026";
    public const string ShopperName = "Salma (demo shopper)";

    /// <summary>A member of the first demo cooperative: she delivers argan kernels and reads her own statement.</summary>
    public const string MemberEmail = "member@demo.souss-massa.ma";
    public const string MemberPassword = "demo-member-2026";
    public const string MemberName = "Itto Oubaha (demo member)";

    /// <summary>The other cooperatives' owners sign in with no known password: they exist because a cooperative needs an applicant.</summary>
    public static string OwnerEmailOf(DemoCooperative c, int index) => index == 0 ? OwnerEmail : $"{c.Code.ToLowerInvariant()}@demo.souss-massa.ma";

    /// <summary>
    /// The lines that run.sh prints under its "administrator" line, in the same layout (a label of 16 columns, then
    /// "e-mail / password").
    /// </summary>
    public static string FileText(DemoCooperative first) =>
        $"{"demo owner",-16}{OwnerEmail} / {OwnerPassword}   ({first.NameFr}, {first.VillageFr})\n" +
        $"{"demo shopper",-16}{ShopperEmail} / {ShopperPassword}\n" +
        $"{"demo member",-16}{MemberEmail} / {MemberPassword}   (her statement: /account/memberships)\n";

    /// <summary>Marketplace:Demo:AccountsFile, else build/demo-accounts.txt of the checkout the Host runs from; null when neither is known.</summary>
    public static string? FilePath(IConfiguration config)
    {
        if (config["Marketplace:Demo:AccountsFile"] is { Length: > 0 } configured) return configured;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Marketplace.sln")))
                    return Path.Combine(dir.FullName, "build", "demo-accounts.txt");
        return null;
    }

    /// <summary>Writes the file (whole, through a temporary file, so that run.sh never prints half of it). Answers its path.</summary>
    public static async Task<string?> WriteAsync(IConfiguration config, CancellationToken ct)
    {
        if (FilePath(config) is not { } path) return null;
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = $"{full}.{Environment.ProcessId}.tmp";
        await File.WriteAllTextAsync(temporary, FileText(DemoCooperatives.All[0]), ct);
        File.Move(temporary, full, overwrite: true);
        return full;
    }
}
