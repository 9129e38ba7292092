using System.Security.Claims;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain;
using Marketplace.Payouts.Domain.Payouts;
using Marketplace.Payouts.Features.Balance;
using Marten;
using static Marten.Pagination.PagedListQueryableExtensions;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Payouts.Features.Payouts;

/// <summary>Payouts, newest first, by status, cooperative or period.</summary>
internal sealed record ListPayouts(PageRequest Page, PayoutStatus? Status = null, Guid? CooperativeId = null, string? PeriodEnd = null)
    : IRequest<PagedList<PayoutView>>;

internal sealed class ListPayoutsHandler(IPayoutsStore store) : IRequestHandler<ListPayouts, PagedList<PayoutView>>
{
    public async Task<PagedList<PayoutView>> Handle(ListPayouts query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var payouts = session.Query<Payout>().AsQueryable();
        if (query.Status is { } status) payouts = payouts.Where(p => p.Status == status);
        if (query.CooperativeId is { } cooperativeId) payouts = payouts.Where(p => p.CooperativeId == cooperativeId);
        if (query.PeriodEnd is { } day) // any day of a week stands for its week
        {
            var week = DateOnly.TryParseExact(day, "yyyy-MM-dd", out var d) ? LocalCalendar.WeekEnd(d).ToString("yyyy-MM-dd")
                : throw new ValidationFailed("periodEnd", "periodEnd is a day, written yyyy-MM-dd.");
            payouts = payouts.Where(p => p.Period == week);
        }
        var page = await payouts.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Reference)
            .ToPagedListAsync(query.Page.Page, query.Page.PageSize, ct);
        return new PagedList<PayoutView>(page.Select(PayoutView.Of).ToList(), page.TotalItemCount, query.Page.Page, query.Page.PageSize);
    }
}

internal static class ListPayoutsEndpoints
{
    public static void MapAdmin(RouteGroupBuilder admin) => admin.MapGet("/payouts",
            async (string? status, Guid? cooperativeId, string? periodEnd, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPayouts(PageRequest.From(page, pageSize), ParseStatus(status), cooperativeId,
                    string.IsNullOrEmpty(periodEnd) ? null : periodEnd), ct)))
        .WithSummary("Payouts: ?status=pending|sent|paid|failed|returned|reconciled, ?cooperativeId=, ?periodEnd=yyyy-MM-dd");

    public static void MapCooperative(RouteGroupBuilder cooperative) => cooperative.MapGet("/payouts",
            async (Guid id, int? page, int? pageSize, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
            {
                var paging = PageRequest.From(page, pageSize);
                await mediator.EnsureCanSeeAsync(id, user, ct);
                return TypedResults.Ok(await mediator.Send(new ListPayouts(paging, CooperativeId: id), ct));
            })
        .WithSummary("The cooperative's payouts, newest first");

    private static PayoutStatus? ParseStatus(string? status) =>
        string.IsNullOrEmpty(status) ? null : PayoutStatuses.Parse(status) ?? throw new ValidationFailed("status", PayoutStatuses.Help);
}
