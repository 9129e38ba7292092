using System.Security.Claims;
using Marketplace.Accounts.Domain;
using Marketplace.BuildingBlocks;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Marketplace.Accounts.Features;

/// <summary>
/// GET/PUT /api/accounts/me/notifications: whether the user accepts marketing e-mails, and the language their e-mails are
/// written in. Service e-mails (orders, deliveries, payouts) cannot be turned off: there is no setting for them.
/// </summary>
internal static class NotificationSettingsEndpoints
{
    internal sealed record Settings(bool Marketing, string Language);
    internal sealed record Body(bool? Marketing, string? Language);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/me/notifications", async (ClaimsPrincipal user, IAccountsStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var account = await session.LoadAsync<UserAccount>(user.UserId(), ct) ?? throw new NotFound("The account");
                return TypedResults.Ok(new Settings(account.Marketing, account.LanguageOrDefault));
            })
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("My e-mail settings: marketing e-mails (service e-mails are always sent) and their language");

        group.MapPut("/me/notifications", async (Body body, ClaimsPrincipal user, IAccountsStore store, CancellationToken ct) =>
            {
                if (body.Marketing is null && body.Language is null)
                    throw new ValidationFailed("marketing", "Send marketing (true or false), language (ar, fr, en, zgh), or both.");
                if (body.Language is { } l && !LocalizedText.Languages.Contains(l))
                    throw new ValidationFailed("language", "language is one of ar, fr, en, zgh.");
                await using var session = store.LightweightSession();
                var account = await session.LoadAsync<UserAccount>(user.UserId(), ct) ?? throw new NotFound("The account");
                account.Marketing = body.Marketing ?? account.Marketing;
                account.Language = body.Language ?? account.Language;
                session.Update(account);
                await session.SaveChangesAsync(ct);
                return TypedResults.Ok(new Settings(account.Marketing, account.LanguageOrDefault));
            })
            .RequireAuthorization(Identity.Policies.SignedIn)
            .WithSummary("Turn marketing e-mails on or off, or change the language of my e-mails");
    }
}
