using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.BuildingBlocks;

/// <summary>An outbox of this Host and the store that keeps its deliveries (for administrators).</summary>
public sealed record RegisteredOutbox(string Name, Type Store);

public static class OutboxRegistration
{
    /// <summary>
    /// The module's outbox (a subscription of its store, run by the daemon) and its retries (a hosted service: in every
    /// Host whose daemon runs, unless Marketplace:Outbox:Retries says otherwise).
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenStoreExpression<TStore> AddIntegrationOutbox<TStore, TOutbox>(
        this MartenServiceCollectionExtensions.MartenStoreExpression<TStore> marten, IServiceCollection services, IConfiguration config,
        string name) where TStore : class, IDocumentStore where TOutbox : IntegrationOutbox
    {
        services.AddOptions<OutboxOptions>().Bind(config.GetSection(OutboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<OutboxSignals>();
        services.TryAddSingleton<OutboxReceivers>();
        services.TryAddSingleton<OutboxServices>();
        services.TryAddSingleton<OutboxAdministration>();
        services.TryAddScoped<TOutbox>();
        services.AddSingleton(new RegisteredOutbox(name, typeof(TStore)));
        var daemon = config.GetValue("Marten:Daemon", DaemonMode.HotCold);
        if (config.GetValue("Marketplace:Outbox:Retries", daemon != DaemonMode.Disabled))
            services.AddSingleton<IHostedService>(sp => new OutboxRetries<TStore, TOutbox>(name, sp.GetRequiredService<TStore>(),
                sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<OutboxServices>(),
                sp.GetRequiredService<ILogger<OutboxRetries<TStore, TOutbox>>>()));
        return marten.AddSubscriptionWithServices<TOutbox>(ServiceLifetime.Scoped);
    }
}
