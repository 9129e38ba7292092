using Marketplace.BuildingBlocks;
using Marketplace.Notifications.Contracts;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Notifications.Delivery;

internal sealed class ListOutgoingMessagesHandler(INotificationsStore store) : IRequestHandler<ListOutgoingMessages, OutgoingMessagePage>
{
    public async Task<OutgoingMessagePage> Handle(ListOutgoingMessages query, CancellationToken ct)
    {
        if (query.State is { } state && !OutgoingMessage.States.Contains(state))
            throw new ValidationFailed("State", $"state is one of {string.Join(", ", OutgoingMessage.States)}.");
        var paging = PageRequest.From(query.Page, query.PageSize);
        await using var session = store.QuerySession();
        var counts = new Dictionary<string, int>();
        foreach (var s in OutgoingMessage.States) counts[s] = await session.Query<OutgoingMessage>().CountAsync(m => m.State == s, ct);
        var all = session.Query<OutgoingMessage>().AsQueryable();
        if (query.State is { } filter) all = all.Where(m => m.State == filter);
        var total = await all.CountAsync(ct);
        var items = await all.OrderByDescending(m => m.CreatedAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new OutgoingMessagePage(items.Select(OutgoingMessages.Item).ToList(), total, paging.Page, paging.PageSize, counts);
    }
}

internal static class OutgoingMessages
{
    public static OutgoingMessageItem Item(OutgoingMessage m) =>
        new(m.Id, m.Channel, m.Kind, m.To, m.Language, m.Subject, m.State, m.Attempts, m.CreatedAt, m.SentAt, m.LastError);
}

internal static class ListOutgoingMessagesEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/notifications",
            async (string? state, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOutgoingMessages(state, page ?? 1, pageSize ?? 50), ct)))
        .WithSummary("E-mails and SMS sent, waiting or given up (state: pending, sending, sent, failed), newest first");
}
