using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Marketplace.BuildingBlocks;

/// <summary>
/// Delivers what an outbox queued (<see cref="OutboxDelivery"/>): for each receiver and stream, the first event first, when
/// its backoff is over; a success lets the next one of the stream go, a failure waits for the next attempt or parks it.
/// Every Host runs it (but one with no daemon); a PostgreSQL advisory lock lets one at a time work on an outbox.
/// </summary>
internal sealed class OutboxRetries<TStore, TOutbox>(string outbox, TStore store, NpgsqlDataSource database, IServiceScopeFactory scopes,
    OutboxServices services, ILogger<OutboxRetries<TStore, TOutbox>> logger) : BackgroundService
    where TStore : IDocumentStore where TOutbox : IntegrationOutbox
{
    private const int Batch = 5_000;

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stop);
                await services.Signals.WaitAsync(outbox, services.Options.Value.Poll, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox {Outbox}: the retries failed; they start again", outbox);
                await Task.Delay(services.Options.Value.Poll, stop).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }

    /// <summary>One pass over the outbox's deliveries; false when another Host holds them.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        if (!await LockAsync(connection, "pg_try_advisory_lock", ct)) return false;
        try
        {
            IReadOnlyList<OutboxDelivery> queued;
            await using (var query = store.QuerySession())
                queued = await query.Query<OutboxDelivery>().Where(d => d.Outbox == outbox)
                    .OrderBy(d => d.Sequence).ThenBy(d => d.Index).Take(Batch).ToListAsync(ct);
            foreach (var stream in queued.GroupBy(d => (d.Receiver, d.StreamId)))
                foreach (var delivery in stream)
                    if (!delivery.IsDue(services.Clock.GetUtcNow()) || !await DeliverAsync(delivery, ct)) break;
            return true;
        }
        finally
        {
            await LockAsync(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    /// <summary>One attempt: delivered (deleted) or failed (its next attempt, or parked).</summary>
    private async Task<bool> DeliverAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        Exception? failure = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outboxOfScope = scope.ServiceProvider.GetRequiredService<TOutbox>();
            await using var query = store.QuerySession();
            var source = await query.Events.LoadAsync(delivery.EventId, ct)
                ?? throw new InvalidOperationException($"Event {delivery.EventId} is not in the store.");
            var messages = outboxOfScope.MessagesOf(source);
            if (delivery.Index < messages.Count) await services.Receivers.DeliverAsync(delivery.Receiver, messages[delivery.Index], ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            failure = e;
        }
        await using var session = store.LightweightSession();
        if (failure is null)
        {
            session.Delete(delivery);
            await session.SaveChangesAsync(ct);
            return true;
        }
        delivery.Failed(failure, services.Clock.GetUtcNow(), services.Options.Value);
        if (delivery.IsParked)
            logger.LogError(failure, "Outbox {Outbox}: {Message} of event {EventId} is parked for {Receiver} after {Attempts} attempts",
                outbox, delivery.Message, delivery.EventId, delivery.Receiver, delivery.Attempts);
        else
            logger.LogWarning(failure, "Outbox {Outbox}: {Receiver} failed to take {Message} of event {EventId} (attempt {Attempts})",
                outbox, delivery.Receiver, delivery.Message, delivery.EventId, delivery.Attempts);
        session.Update(delivery);
        await session.SaveChangesAsync(ct);
        return false;
    }

    private async Task<bool> LockAsync(NpgsqlConnection connection, string function, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select {function}(hashtext(@key))", connection);
        command.Parameters.AddWithValue("key", $"outbox:{outbox}");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
