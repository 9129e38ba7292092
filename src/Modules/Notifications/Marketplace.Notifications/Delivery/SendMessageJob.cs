using Hangfire;
using JasperFx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Notifications.Delivery;

/// <summary>
/// Sends one message (a Hangfire job, public for Hangfire). The message is claimed first (its state, under optimistic
/// concurrency), so two jobs for the same message never both send it. A failure leaves it pending with its next attempt
/// doubled away (the job schedules it); after the last attempt it is failed and shown to administrators.
/// </summary>
public sealed class SendMessageJob
{
    private readonly INotificationsStore store;
    private readonly IMailSender mail;
    private readonly ISmsSender sms;
    private readonly IBackgroundJobClient jobs;
    private readonly TimeProvider clock;
    private readonly NotificationsOptions options;
    private readonly ILogger logger;

    internal SendMessageJob(INotificationsStore store, IMailSender mail, ISmsSender sms, IBackgroundJobClient jobs, TimeProvider clock,
        IOptions<NotificationsOptions> options, ILogger<SendMessageJob> logger)
    {
        this.store = store;
        this.mail = mail;
        this.sms = sms;
        this.jobs = jobs;
        this.clock = clock;
        this.options = options.Value;
        this.logger = logger;
    }

    [AutomaticRetry(Attempts = 0)] // the message keeps its own attempts and backoff
    public async Task RunAsync(string messageId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var message = await session.LoadAsync<OutgoingMessage>(messageId, ct);
        var now = clock.GetUtcNow();
        if (message is null || message.State is OutgoingMessage.Sent or OutgoingMessage.Failed) return;
        if (message.State == OutgoingMessage.Sending && message.ClaimedAt > now - options.ClaimTimeout) return; // another sender has it
        message.State = OutgoingMessage.Sending;
        message.ClaimedAt = now;
        message.Attempts++;
        session.Update(message);
        try { await session.SaveChangesAsync(ct); }
        catch (ConcurrencyException) { return; } // claimed by another job at the same moment

        try
        {
            if (message.Channel == OutgoingMessage.Sms) await sms.SendAsync(message.To, message.Text, ct);
            else await mail.SendAsync(message, ct);
            message.State = OutgoingMessage.Sent;
            message.SentAt = clock.GetUtcNow();
            message.LastError = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            message.LastError = $"{ex.GetType().Name}: {ex.Message}";
            if (message.Attempts >= options.MaxAttempts)
            {
                message.State = OutgoingMessage.Failed;
                logger.LogError(ex, "Gave up {Channel} {Kind} to {To} after {Attempts} attempts", message.Channel, message.Kind, message.To, message.Attempts);
            }
            else
            {
                var delay = RetryDelay(message.Attempts);
                message.State = OutgoingMessage.Pending;
                message.NextAttemptAt = clock.GetUtcNow() + delay;
                jobs.Schedule<SendMessageJob>(job => job.RunAsync(message.Id, CancellationToken.None), delay);
                logger.LogWarning("{Channel} {Kind} to {To} failed (attempt {Attempts}), next in {Delay}: {Error}", message.Channel, message.Kind,
                    message.To, message.Attempts, delay, message.LastError);
            }
        }
        session.Update(message); // the same session: it knows the version its claim wrote
        await session.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The first delay after one failure, doubled after each next one, at most an hour.</summary>
    private TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(options.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20)), TimeSpan.FromHours(1).Ticks));
}
