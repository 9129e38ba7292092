using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace Marketplace.Host.Infrastructure;

/// <summary>
/// Hangfire's log provider is global to the process (LogProvider.SetCurrentLogProvider), and Hangfire.NetCore binds it
/// to the logger factory of whichever Host resolved its configuration last. Several Hosts share a process in tests:
/// once that Host stopped, its disposed factory made every new BackgroundJobClient of the others throw. This provider
/// writes through the logger factory of the latest Host that still runs (and drops the line when none does).
/// </summary>
internal sealed class JobsLogging(ILoggerFactory factory) : IHostedService
{
    public static readonly ILogProvider Provider = new HostsLogProvider();
    private static readonly Lock Gate = new();
    private static readonly List<ILoggerFactory> Running = [];

    public Task StartAsync(CancellationToken ct)
    {
        lock (Gate) Running.Add(factory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct)
    {
        lock (Gate) Running.Remove(factory);
        return Task.CompletedTask;
    }

    private static ILoggerFactory? Latest()
    {
        lock (Gate) return Running.Count == 0 ? null : Running[^1];
    }

    private sealed class HostsLogProvider : ILogProvider
    {
        public ILog GetLogger(string name) => new HostLog(name);
    }

    private sealed class HostLog(string name) : ILog
    {
        private (ILoggerFactory Factory, ILog Log)? current;

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string> messageFunc, Exception exception)
        {
            var latest = Latest();
            if (latest is null) return false;
            var used = current;
            if (used is null || !ReferenceEquals(used.Value.Factory, latest))
                current = used = (latest, new AspNetCoreLogProvider(latest).GetLogger(name));
            try { return used.Value.Log.Log(logLevel, messageFunc, exception); }
            catch (ObjectDisposedException) { return false; } // that Host stopped meanwhile
        }
    }
}
