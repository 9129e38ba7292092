using Marketplace.BuildingBlocks;
using Marketplace.Host.Web;
using Marketplace.Notifications.Contracts;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Marketplace.Host.Pages.Admin;

/// <summary>The e-mails and SMS the platform sent, is sending or gave up, newest first; a failed one can be sent again.</summary>
public sealed class NotificationsModel(IMediator mediator, Texts texts) : AdminPage
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? MessageId { get; set; }
    public OutgoingMessagePage Messages { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (State is not null && State is not ("pending" or "sending" or "sent" or "failed")) State = null;
        Messages = await mediator.Send(new ListOutgoingMessages(State, Math.Max(1, PageNumber), 50), ct);
    }

    public async Task<IActionResult> OnPostRetryAsync(CancellationToken ct)
    {
        try
        {
            await mediator.Send(new RetryOutgoingMessage(MessageId ?? ""), ct);
            Notice = texts["admin.notifications.retried"];
        }
        catch (Exception e) when (e is Marketplace.BuildingBlocks.NotFound or DomainRuleViolated) { Notice = texts["admin.notifications.notfailed"]; }
        return Redirect("/admin/notifications?state=failed");
    }
}
