using System.Security.Claims;
using Marketplace.Accounts.Contracts;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Marten;
using MediatR;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Accounts.Features;

internal sealed class GetNotificationSettingsHandler(IAccountsStore store) : IRequestHandler<GetNotificationSettings, NotificationSettings>
{
    public async Task<NotificationSettings> Handle(GetNotificationSettings query, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var account = await session.LoadAsync<UserAccount>(query.UserId, ct) ?? throw new NotFound("The account");
        return new NotificationSettings(account.Marketing, account.LanguageOrDefault);
    }
}

internal sealed class ChangeNotificationSettingsHandler(IAccountsStore store) : IRequestHandler<ChangeNotificationSettings, NotificationSettings>
{
    public async Task<NotificationSettings> Handle(ChangeNotificationSettings cmd, CancellationToken ct)
    {
        if (cmd.Marketing is null && cmd.Language is null)
            throw new ValidationFailed("marketing", "Send marketing (true or false), language (ar, fr, en, zgh), or both.");
        if (cmd.Language is { } l && !LocalizedText.Languages.Contains(l))
            throw new ValidationFailed("language", "language is one of ar, fr, en, zgh.");
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<UserAccount>(cmd.UserId, ct) ?? throw new NotFound("The account");
        account.Marketing = cmd.Marketing ?? account.Marketing;
        account.Language = cmd.Language ?? account.Language;
        session.Update(account);
        await session.SaveChangesAsync(ct);
        return new NotificationSettings(account.Marketing, account.LanguageOrDefault);
    }
}

/// <summary>
/// GET/PUT /api/accounts/me/notifications: whether the user accepts marketing e-mails, and the language their e-mails are
/// written in. Service e-mails (orders, deliveries, payouts) cannot be turned off: there is no setting for them.
/// </summary>
internal static class NotificationSettingsEndpoints
{
    internal sealed record Body(bool? Marketing, string? Language);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/me/notifications", async (ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetNotificationSettings(user.UserId()), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("My e-mail settings: marketing e-mails (service e-mails are always sent) and their language");

        group.MapPut("/me/notifications", async (Body body, ClaimsPrincipal user, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ChangeNotificationSettings(user.UserId(), body.Marketing, body.Language), ct)))
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("Turn marketing e-mails on or off, or change the language of my e-mails");
    }
}
