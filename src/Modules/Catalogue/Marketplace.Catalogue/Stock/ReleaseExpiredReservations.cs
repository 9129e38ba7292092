using Hangfire;
using Marketplace.Catalogue.Domain;
using Marketplace.Orders.Contracts;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Marketplace.Catalogue.Stock;

/// <summary>Gives back the stock of reservations for which no order appeared in time. Answers how many were released.</summary>
internal sealed record ReleaseExpiredReservations(int Batch = 200) : IRequest<int>;

/// <summary>
/// A reservation past its time is released only when its order does not exist: Orders is asked (its Contracts). One whose
/// order exists is kept, however late its OrderPlaced is (a receiver failing, a daemon behind): it becomes "ordered" and
/// waits for it. A checkout retried after a release reserves again (<see cref="ReserveForCheckoutHandler"/>).
/// </summary>
internal sealed class ReleaseExpiredReservationsHandler(ICatalogueStore store, IMediator mediator, TimeProvider clock,
    ILogger<ReleaseExpiredReservationsHandler> logger) : IRequestHandler<ReleaseExpiredReservations, int>
{
    public async Task<int> Handle(ReleaseExpiredReservations cmd, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
            due = await query.Query<Reservation>().Where(r => r.Status == ReservationStatus.Reserved && r.ExpiresAt <= now)
                .OrderBy(r => r.ExpiresAt).Take(cmd.Batch).Select(r => r.Id).ToListAsync(ct);
        if (due.Count == 0) return 0;
        var ordered = (await mediator.Send(new GetExistingOrders(due), ct)).ToHashSet();
        var released = 0;
        foreach (var orderId in due)
            if (await SettleAsync(orderId, ordered.Contains(orderId), now, ct) && !ordered.Contains(orderId)) released++;
        if (released > 0) logger.LogInformation("Released {Count} expired stock reservations", released);
        return released;
    }

    private async Task<bool> SettleAsync(Guid orderId, bool orderExists, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Reservation>(orderId, ct) is not { } known) return false;
        var streams = await session.LockProductsAsync(known.ProductIds, ct);
        var reservation = (await session.LoadAsync<Reservation>(orderId, ct))!;   // under the locks: the order may have come meanwhile
        if (reservation.Status != ReservationStatus.Reserved || reservation.ExpiresAt > now) return false;
        if (orderExists)
        {
            reservation.Status = ReservationStatus.Ordered; // its stock stays held for the order's OrderPlaced, whenever it comes
            session.Store(reservation);
            await session.SaveChangesAsync(ct);
            return true;
        }
        foreach (var line in reservation.Lines.Where(l => l.State == ReservationStatus.Reserved))
        {
            if (streams[line.ProductId].Aggregate is { } product)
                streams[line.ProductId].AppendMany(ProductDecisions.Release(product, orderId, line.Quantity, "expired", now));
            line.State = ReservationStatus.Released;
        }
        reservation.Status = ReservationStatus.Expired;
        session.Store(reservation);
        await session.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>The Hangfire job (a thin shell: Hangfire calls public methods only).</summary>
internal sealed class ReleaseExpiredReservationsJob(IMediator mediator)
{
    public const string Id = "catalogue.release-expired-reservations";

    // No DisableConcurrentExecution: Hangfire.PostgreSql keeps the lock of a job killed mid-run (a crash) until its
    // DistributedLockTimeout (10 minutes), and no reservation would be released meanwhile. Two runs at once are safe:
    // each release locks the product streams and reads the reservation again under the locks.
    [AutomaticRetry(Attempts = 0)] // it runs again at the next minute anyway
    public Task<int> RunAsync(CancellationToken ct) => mediator.Send(new ReleaseExpiredReservations(), ct);
}

/// <summary>Registers the recurring expiry job at start (every minute by default: Marketplace:Catalogue:ExpiryCron).</summary>
internal sealed class ExpiryJobRegistration(IServiceProvider services, IOptions<CatalogueOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<ReleaseExpiredReservationsJob>(
            ReleaseExpiredReservationsJob.Id, job => job.RunAsync(CancellationToken.None), options.Value.ExpiryCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
