namespace Marketplace.Reliability.Tests.Harness;

/// <summary>
/// A PostgreSQL cluster of its own (through build/postgres.sh, in a temporary data folder, on a free port), so that
/// a test may stop and restart it without disturbing the other test projects running at the same time.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly Dictionary<string, string> env;
    public int Port { get; }
    public string DataDir { get; }

    private PrivatePostgres(int port, string dataDir)
    {
        Port = port;
        DataDir = dataDir;
        env = new() { ["MARKETPLACE_PG_PORT"] = port.ToString(), ["MARKETPLACE_DATA_DIR"] = dataDir, ["MARKETPLACE_PG_FAST"] = "1" };
    }

    public string ConnectionString(string database = "marketplace") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres;Database={database};Timeout=5;Command Timeout=30";

    public static async Task<PrivatePostgres> StartAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"mp-pg-{Guid.NewGuid():N}"[..20]);
        Directory.CreateDirectory(dir);
        if (Environment.UserName == "root") await Repository.RunAsync("chmod", $"755 {dir}");
        var pg = new PrivatePostgres(Repository.FreePort(), dir);
        await pg.StartAgainAsync();
        return pg;
    }

    public Task StartAgainAsync() => Repository.RunAsync("bash", "build/postgres.sh start", env);

    public Task StopAsync() => Repository.RunAsync("bash", "build/postgres.sh stop", env);

    public async ValueTask DisposeAsync()
    {
        try { await StopAsync(); } catch { /* already stopped */ }
        try { Directory.Delete(DataDir, recursive: true); } catch { /* best effort */ }
    }
}
