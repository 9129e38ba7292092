using Hangfire;
using JasperFx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Notifications.Delivery;

/// <summary>
/// Sends messages (a Hangfire job, public for Hangfire). A message is claimed first (its state, under optimistic
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
    public Task RunAsync(string messageId, CancellationToken ct) => RunAllAsync([messageId], ct);

    /// <summary>
    /// Sends the messages of one event (a job for all of them: each job costs Hangfire several commits): claimed together,
    /// sent one after the other (the e-mails on one SMTP connection), their outcomes saved together. A message claimed by
    /// another job at the same moment is left to it; each failed one is retried on its own.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAllAsync(string[] messageIds, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        var messages = (await session.LoadManyAsync<OutgoingMessage>(ct, messageIds.Distinct().ToArray()))
            .Where(m => m.State is not (OutgoingMessage.Sent or OutgoingMessage.Failed))
            .Where(m => m.State != OutgoingMessage.Sending || m.ClaimedAt <= now - options.ClaimTimeout) // else another sender has it
            .ToList();
        if (messages.Count == 0) return;
        foreach (var message in messages)
        {
            message.State = OutgoingMessage.Sending;
            message.ClaimedAt = now;
            message.Attempts++;
            session.Update(message);
        }
        try { await session.SaveChangesAsync(ct); }
        catch (ConcurrencyException) when (messages.Count > 1)
        {
            foreach (var message in messages) await RunAsync(message.Id, ct); // one of them claimed elsewhere: each on its own
            return;
        }
        catch (ConcurrencyException) { return; } // claimed by another job at the same moment

        await using (var mails = mail.Connect())
            foreach (var message in messages)
            {
                await SendAsync(message, mails, ct);
                session.Update(message); // the same session: it knows the version its claim wrote
            }
        await session.SaveChangesAsync(CancellationToken.None);
    }

    private async Task SendAsync(OutgoingMessage message, IMailConnection mails, CancellationToken ct)
    {
        try
        {
            if (message.Channel == OutgoingMessage.Sms) await sms.SendAsync(message.To, message.Text, ct);
            else await mails.SendAsync(message, ct);
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
    }

    /// <summary>The first delay after one failure, doubled after each next one, at most an hour.</summary>
    private TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(options.RetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20)), TimeSpan.FromHours(1).Ticks));
}
