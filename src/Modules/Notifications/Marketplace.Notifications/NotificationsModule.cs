using Hangfire;
using Marketplace.BuildingBlocks;
using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Events;
using Marketplace.Notifications.Templates;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Notifications;

/// <summary>The Notifications module's own Marten store (schema "notifications"): the messages sent and to send.</summary>
public interface INotificationsStore : IDocumentStore;

/// <summary>
/// E-mails and SMS: written from other modules' integration events (after their change is committed), recorded once per
/// event and recipient, sent by Hangfire jobs and retried with backoff when the server fails. A failure never blocks an order.
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration config)
    {
        services.AddModuleStore<INotificationsStore>(config, "notifications", lockOffset: 6, o =>
        {
            o.Schema.For<OutgoingMessage>().UseOptimisticConcurrency(true).Index(m => m.State).Index(m => m.CreatedAt);
            o.RegisterDocumentType<ProcessedMessage>();
        });
        services.AddOptions<SmtpOptions>().Bind(config.GetSection(SmtpOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().Bind(config.GetSection(SmsOptions.Section));
        services.AddOptions<NotificationsOptions>().Bind(config.GetSection(NotificationsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<MailTemplates>().AddSingleton<SiteLinks>().AddSingleton<IMailSender, SmtpMailSender>();
        if (!string.IsNullOrWhiteSpace(config[$"{SmsOptions.Section}:Url"]))
            services.AddHttpClient<ISmsSender, HttpSmsSender>(c => c.Timeout = TimeSpan.FromSeconds(20));
        else
            services.AddSingleton<ISmsSender, LoggingSmsSender>();
        services.AddTransient<Recipients>().AddTransient<Messages>().AddTransient<MessageQueue>().AddTransient<OrderMails>();
        services.AddTransient(sp => new SendMessageJob(sp.GetRequiredService<INotificationsStore>(), sp.GetRequiredService<IMailSender>(),
            sp.GetRequiredService<ISmsSender>(), sp.GetRequiredService<IBackgroundJobClient>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<NotificationsOptions>>(), sp.GetRequiredService<ILogger<SendMessageJob>>()));
        services.AddTransient(sp => new SweepMessagesJob(sp.GetRequiredService<INotificationsStore>(), sp.GetRequiredService<IBackgroundJobClient>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<NotificationsOptions>>()));
        services.AddTransient(sp => new AdminAlertsJob(sp.GetRequiredService<MediatR.IMediator>(), sp.GetRequiredService<OutboxAdministration>(),
            sp.GetRequiredService<Recipients>(), sp.GetRequiredService<SiteLinks>(), sp, sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<NotificationsStartup>();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsModule(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin").WithTags("Notifications").RequireAuthorization(Identity.Policies.Admin);
        ListOutgoingMessagesEndpoint.Map(admin);
        RetryOutgoingMessageEndpoint.Map(admin);
        return app;
    }
}

/// <summary>Says once at start whether e-mail is sent, and registers the sweep of lost messages and the administrators' alerts.</summary>
internal sealed class NotificationsStartup(IServiceProvider services, IOptions<SmtpOptions> smtp, IOptions<SmsOptions> sms,
    IOptions<NotificationsOptions> options, ILogger<NotificationsStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        if (smtp.Value.Enabled) logger.LogInformation("E-mail goes through SMTP {Host}:{Port}", smtp.Value.Host, smtp.Value.Port);
        else logger.LogWarning("E-mail is off: Marketplace__Smtp__Host is not set, so no e-mail is sent (orders go on as usual)");
        if (string.IsNullOrWhiteSpace(sms.Value.Url)) logger.LogInformation("SMS are written to the log: Marketplace__Sms__Url is not set");
        services.GetService<IRecurringJobManager>()?.AddOrUpdate<SweepMessagesJob>(SweepMessagesJob.Id,
            job => job.RunAsync(CancellationToken.None), options.Value.SweepCron);
        services.GetService<IRecurringJobManager>()?.AddOrUpdate<AdminAlertsJob>(AdminAlertsJob.Id,
            job => job.RunAsync(CancellationToken.None), options.Value.AlertsCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
