using System.Diagnostics;
using System.Text;

namespace Marketplace.Reliability.Tests.Harness;

/// <summary>The platform's Host in a process of its own, as in production: it can be killed (SIGKILL) and started again.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> settings;
    private Process? process;
    private readonly StringBuilder log = new();
    public string BaseUrl { get; }

    public HostProcess(string connectionString, IDictionary<string, string>? extra = null)
    {
        BaseUrl = $"http://127.0.0.1:{Repository.FreePort()}";
        settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Marketplace"] = connectionString,
            ["ASPNETCORE_URLS"] = BaseUrl,
            ["Marketplace__Admin__Email"] = MarketplaceApp.AdminEmail,
            ["Marketplace__Admin__Password"] = MarketplaceApp.AdminPassword,
            ["Marketplace__RateLimits__SignInPerMinutePerAddress"] = "0",
            ["Marketplace__RateLimits__RegisterPerMinutePerAddress"] = "0",
            ["Marketplace__RateLimits__CheckoutPerMinutePerShopper"] = "0",
            ["Marketplace__Payouts__CardHoldDays"] = "0", // a delivered card sale is available at once, as in the other test hosts
            ["Logging__Json"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
    }

    public string Log { get { lock (log) return log.ToString(); } }

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var hostDir = Path.Combine(Repository.Root, "src/Host/Marketplace.Host");
        var dll = Path.Combine(hostDir, "bin", Repository.Configuration, "net10.0", "Marketplace.Host.dll");
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\"")
        {
            WorkingDirectory = hostDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var (k, v) in settings) start.Environment[k] = v;
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"The Host exited ({process.ExitCode}): {Log}");
            try { if ((await http.GetAsync($"{BaseUrl}/health/ready")).IsSuccessStatusCode) return; } catch (HttpRequestException) { } catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The Host was not ready within the time: {Log}");
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public HttpClient Client() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }
}
