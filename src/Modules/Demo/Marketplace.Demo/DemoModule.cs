using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Demo;

public static class DemoModule
{
    /// <summary>With MARKETPLACE_SEED_DEMO=1, the demo data is loaded at start (idempotent), before the server listens.</summary>
    public static IServiceCollection AddDemoModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddTransient<DemoSeeder>();
        if (config["MARKETPLACE_SEED_DEMO"] is "1" or "true" or "True") services.AddHostedService<DemoSeedAtStart>();
        return services;
    }
}

/// <summary>Seeds at start. A failure is logged, never fatal: demo data must not keep the platform from running.</summary>
internal sealed class DemoSeedAtStart(IServiceScopeFactory scopes, ILogger<DemoSeedAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "The demo data could not be loaded");
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
