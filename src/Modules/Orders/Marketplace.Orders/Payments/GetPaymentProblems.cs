using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Orders.Payments;

internal sealed class GetPaymentProblemsHandler(IOrdersStore store) : IRequestHandler<GetPaymentProblems, PaymentProblems>
{
    public async Task<PaymentProblems> Handle(GetPaymentProblems query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var strays = await session.Query<StrayPayment>().OrderByDescending(s => s.ReceivedAt).Take(500).ToListAsync(ct);
        var blocked = await session.Query<Order>().Where(o => o.Payment.RefundBlocked).OrderByDescending(o => o.PlacedAt).Take(500).ToListAsync(ct);
        return new PaymentProblems(
            strays.Select(s => new StrayPaymentItem(s.Id, s.OrderId, s.OrderNumber, s.Amount.Amount, s.Amount.Currency, s.Reason, s.ReceivedAt,
                Snake(s.RefundStatus), s.RefundReference, s.LastError)).ToList(),
            blocked.SelectMany(o => o.Payment.Refunds.Where(r => r.Status == RefundStatus.Blocked).Select(r => new BlockedRefundItem(o.Id, o.Number,
                r.Key, r.PaymentReference, r.Amount.Amount, r.Amount.Currency, r.Reason, r.LastError, r.Attempts))).ToList());
    }

    private static string Snake(RefundStatus status) => status.ToString().ToLowerInvariant();
}

internal static class GetPaymentProblemsEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/api/admin/payments/problems",
            async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetPaymentProblems(), ct)))
        .RequireAuthorization(Identity.Policies.Admin)
        .WithTags("Payments")
        .WithSummary("Card payments refunded because no order keeps them, and refunds the gateway refused");
}
