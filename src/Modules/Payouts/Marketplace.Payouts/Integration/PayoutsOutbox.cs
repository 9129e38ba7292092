using JasperFx.Events;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Contracts;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Features.Payouts;
using Marten;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Marketplace.Payouts.Integration;

/// <summary>Tells the other modules, after commit and at least once, that a payout was sent or came back (EventId: the domain event's id).</summary>
internal sealed class PayoutsOutbox(OutboxServices services, ILogger<PayoutsOutbox> logger) : IntegrationOutbox(OutboxName, services, logger)
{
    public const string OutboxName = "payouts-outbox";

    protected override IEnumerable<INotification> Map(IEvent e) => e.Data switch
    {
        PayoutSent s => [new PayoutSentIntegrationEvent(e.Id, s.PayoutId, s.At)],
        PayoutPaid p => [new PayoutSentIntegrationEvent(e.Id, p.PayoutId, p.At)],
        PayoutReturnedByBank r => [new PayoutReturnedIntegrationEvent(e.Id, r.PayoutId, r.Evidence, r.At)],
        PayoutFailed f => [new PayoutReturnedIntegrationEvent(e.Id, f.PayoutId, f.Reason, f.At)],
        _ => [],
    };
}

internal sealed class GetPayoutHandler(IPayoutsStore store) : IRequestHandler<GetPayout, AdminPayout?>
{
    public async Task<AdminPayout?> Handle(GetPayout query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<Payout>(query.PayoutId, ct) is { } payout ? AdminPayouts.Of(PayoutView.Of(payout)) : null;
    }
}
