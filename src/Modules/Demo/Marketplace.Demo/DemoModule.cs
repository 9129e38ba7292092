using Marketplace.Accounts.Contracts;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Marketplace.Demo;

public static class DemoModule
{
    /// <summary>
    /// With MARKETPLACE_SEED_DEMO=1, the demo data is loaded at start, before the server listens (so that run.sh,
    /// which waits for /health/ready, prints the demo accounts). Register it after the other modules: their stores and
    /// the first administrator (Accounts' start-up) are then ready.
    /// </summary>
    public static IServiceCollection AddDemoModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddTransient<DemoSeeder>().AddTransient<DemoMembers>().AddTransient<DemoCertificates>().AddTransient<DemoFair>().AddTransient<DemoExperiences>()
            .AddTransient<DemoOrders>();
        if (IsOn(config["MARKETPLACE_SEED_DEMO"])) services.AddHostedService<DemoSeedAtStart>();
        return services;
    }

    private static bool IsOn(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "yes";
}

/// <summary>Seeds at start. A failure is logged, never fatal: demo data must not keep the platform from running.</summary>
internal sealed class DemoSeedAtStart(IServiceScopeFactory scopes, IConfiguration config, ILogger<DemoSeedAtStart> logger) : IHostedService
{
    /// <summary>How long to wait for the first administrator, should another Host be creating it.</summary>
    private static readonly TimeSpan AdminWait = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var adminEmail = config["Marketplace:Admin:Email"];
            if (string.IsNullOrWhiteSpace(adminEmail))
            {
                logger.LogWarning("No demo data: it needs the first administrator (Marketplace:Admin:Email) to verify its cooperatives");
                return;
            }
            if (await AdministratorAsync(scope.ServiceProvider.GetRequiredService<IMediator>(), adminEmail, ct) is not { } admin)
            {
                logger.LogWarning("No demo data: the administrator {Email} does not exist", adminEmail);
                return;
            }
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(admin.Id, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "The demo data could not be loaded");
        }
    }

    private static async Task<UserSummary?> AdministratorAsync(IMediator mediator, string email, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + AdminWait;
        while (true)
        {
            if (await mediator.Send(new FindUserByEmail(email), ct) is { } admin) return admin;
            if (DateTime.UtcNow > deadline) return null;
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
