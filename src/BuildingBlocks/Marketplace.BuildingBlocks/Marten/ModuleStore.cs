using System.Text.Json.Serialization;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Weasel.Core;

namespace Marketplace.BuildingBlocks;

public static class ModuleStore
{
    /// <summary>The one PostgreSQL data source of the process, shared by every module's store.</summary>
    public static IServiceCollection AddMarketplaceDatabase(this IServiceCollection services, IConfiguration config)
    {
        var cs = config.GetConnectionString("Marketplace");
        if (string.IsNullOrWhiteSpace(cs))
            throw new InvalidOperationException("ConnectionStrings:Marketplace is not set: build/run.sh sets it, or set ConnectionStrings__Marketplace.");
        services.AddSingleton(_ => DataSource(cs));
        return services;
    }

    /// <summary>
    /// The data source, with Npgsql's automatic preparation on and no reset of pooled connections unless the connection
    /// string says otherwise: a statement
    /// run twice on a connection (Marten's loads, appends and batches, the modules' own SQL) is then parsed and planned
    /// once per connection instead of at every execution. Hangfire keeps its own connections (not reset either, not prepared).
    /// </summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPrepared;
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }
        // A connection back in the pool is not reset (7 statements at its next use, ~8 uses a request): nothing here leaves
        // session state behind (settings are local to a transaction, advisory locks are released where they are taken).
        if (!connectionString.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.NoResetOnClose = true;
        return builder.Build();
    }

    /// <summary>How many statements each connection keeps prepared (the most used ones, least recently used out).</summary>
    public const int AutoPrepared = 256;

    /// <summary>
    /// A module's own Marten store, in its own PostgreSQL schema (documents and events), with its own advisory
    /// lock ids, System.Text.Json in camelCase, Guid streams, and the async daemon (Marten:Daemon, HotCold by default).
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenStoreExpression<TStore> AddModuleStore<TStore>(this IServiceCollection services, IConfiguration config,
        string schema, int lockOffset, Action<StoreOptions> configure) where TStore : class, IDocumentStore =>
        services.AddModuleStore<TStore>(config, schema, lockOffset, (o, _) => configure(o));

    /// <summary>As above, with the services at hand (a session listener that is a singleton of the module, say).</summary>
    public static MartenServiceCollectionExtensions.MartenStoreExpression<TStore> AddModuleStore<TStore>(this IServiceCollection services, IConfiguration config,
        string schema, int lockOffset, Action<StoreOptions, IServiceProvider> configure) where TStore : class, IDocumentStore
    {
        var daemon = config.GetValue("Marten:Daemon", DaemonMode.HotCold);
        // Off by default: Marten notifies one channel for every schema at each append, so each append woke the daemons of
        // all twelve stores, and each ran its high-water detection (four statements and a commit). With the daemons polling
        // instead (250 ms while busy), an order cost 44 commits instead of 82 and sustained checkout rose from 17-18 to
        // 24-25 orders/s (bench database, alternating runs); background work starts up to a polling interval later (1 s
        // when idle, Marten's SlowPollingTime; 250 ms while busy).
        var listenNotify = config.GetValue("Marten:ListenNotify", false);
        return services.AddMartenStore<TStore>(sp =>
            {
                var o = new StoreOptions();
                o.Connection(sp.GetRequiredService<NpgsqlDataSource>());
                o.DatabaseSchemaName = schema;
                o.Events.DatabaseSchemaName = schema;
                o.Events.StreamIdentity = StreamIdentity.AsGuid;
                o.Events.TimeProvider = sp.GetService<TimeProvider>() ?? TimeProvider.System;
                o.Events.UseListenNotifyForEventAppends = listenNotify;
                o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase,
                    json => json.Converters.Add(new MoneyJsonConverter()));
                o.ApplyChangesLockId += lockOffset;
                o.Projections.DaemonLockId += lockOffset;
                o.Projections.FastPollingTime = TimeSpan.FromMilliseconds(250);
                o.RegisterDocumentType<OutboxDelivery>();
                configure(o, sp);
                return o;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(daemon);
    }
}
