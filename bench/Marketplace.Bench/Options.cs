using System.Globalization;

namespace Marketplace.Bench;

/// <summary>--name value pairs; every value has a default so that bench.sh passes only what it changes.</summary>
internal sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < list.Count; i += 2)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected --name, got {list[i]}.");
            values[list[i][2..]] = list[i + 1];
        }
        return new Options(values);
    }

    public string Get(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;
    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public string Url => Get("url", "http://127.0.0.1:5090");
    public string AdminEmail => Get("admin-email", "admin@bench.souss-massa.local");
    public string AdminPassword => Get("admin-password", "bench-admin-password-2026");
    /// <summary>Where the inputs of the wrk scripts and the figures of the run are written.</summary>
    public string Dir => Get("dir", ".data/bench/run");
}
