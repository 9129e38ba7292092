using Hangfire;
using Marketplace.BuildingBlocks;
using Marketplace.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Notifications.Delivery;

internal sealed class RetryOutgoingMessageHandler(INotificationsStore store, IBackgroundJobClient jobs, TimeProvider clock)
    : IRequestHandler<RetryOutgoingMessage, OutgoingMessageItem>
{
    public async Task<OutgoingMessageItem> Handle(RetryOutgoingMessage cmd, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var message = await session.LoadAsync<OutgoingMessage>(cmd.Id, ct) ?? throw new NotFound("The message");
        if (message.State != OutgoingMessage.Failed)
            throw new DomainRuleViolated("not_failed", "Only a message given up after its last attempt is sent again by hand.");
        message.State = OutgoingMessage.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = clock.GetUtcNow();
        session.Update(message);
        await session.SaveChangesAsync(ct); // a concurrent retry fails here (optimistic concurrency): one job only
        jobs.Enqueue<SendMessageJob>(job => job.RunAsync(message.Id, CancellationToken.None));
        return OutgoingMessages.Item(message);
    }
}

internal static class RetryOutgoingMessageEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/notifications/{id}/retry",
            async (string id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new RetryOutgoingMessage(id), ct)))
        .WithSummary("Send a failed e-mail or SMS again (409 unless it failed)");
}
