using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Marketplace.BuildingBlocks;
using Npgsql;

namespace Marketplace.Host.Infrastructure;

/// <summary>Hangfire on PostgreSQL (schema "hangfire"); the server runs unless Marketplace:Jobs:Server is false.</summary>
internal static class Jobs
{
    public static IServiceCollection AddMarketplaceJobs(this IServiceCollection services, IConfiguration config)
    {
        // Hangfire's pooled connections are not reset either (a DISCARD ALL at each reuse, ~9 per order, which also threw
        // away its prepared statements): Hangfire.PostgreSql leaves no session state (no LISTEN without long polling, its
        // locks are rows).
        var cs = config.GetConnectionString("Marketplace")!;
        if (!cs.Contains("Reset On Close", StringComparison.OrdinalIgnoreCase))
            cs = new NpgsqlConnectionStringBuilder(cs) { NoResetOnClose = true }.ConnectionString;
        var poll = TimeSpan.FromMilliseconds(config.GetValue("Marketplace:Jobs:PollMilliseconds", 5000));
        // A Host killed mid-work leaves its rows behind: a lock row (the recurring scheduler's, a job's state lock, a
        // DisableConcurrentExecution lock) is nobody's after LockTimeout (Hangfire.PostgreSql's default, 10 minutes,
        // stopped every recurring job for that long after a crash), and a job it had fetched is fetched again after the
        // invisibility timeout, which a live worker keeps sliding while the job runs (the default was a fixed 30 min).
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire", PrepareSchemaIfNecessary = true, QueuePollInterval = poll,
            DistributedLockTimeout = config.GetValue("Marketplace:Jobs:LockTimeout", TimeSpan.FromMinutes(1)),
            UseSlidingInvisibilityTimeout = true, InvisibilityTimeout = TimeSpan.FromMinutes(2),
        };
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(JobsLogging.Provider)
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddHostedService<JobsLogging>();
        // This Host's own storage, resolved from its container (JobStorage.Current is global to the process, and
        // several Hosts share a process in tests).
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(cs, options, null), options));
        // Jobs run in this Host's own container too: Hangfire's default activator is JobActivator.Current, which the
        // last Host of the process to start replaces (a job would then run against another Host's database).
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        if (config.GetValue("Marketplace:Jobs:Server", true))
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = config.GetValue("Marketplace:Jobs:Workers", 4);
                o.SchedulePollingInterval = poll;
                o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
        return services;
    }

    /// <summary>The dashboard, for administrators only (cookie or bearer).</summary>
    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Identity.Policies.Admin, "/admin/jobs",
            new DashboardOptions { DashboardTitle = "Marketplace jobs", DisplayStorageConnectionString = false, AppPath = "/" },
            app.Services.GetRequiredService<JobStorage>());
}
