using System.Globalization;
using Hangfire;
using Marketplace.BuildingBlocks;
using Marketplace.Notifications.Delivery;
using Marketplace.Notifications.Templates;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Notifications.Events;

/// <summary>
/// Recurring ("notifications.admin-alerts", every minute): tells administrators of what needs them and has no event of
/// its own: a card payment refunded because it did not match its order (Orders' payment problems, received in the last
/// week), an integration event parked for a receiver (each time it is parked). Each alert once (its key). Public for Hangfire.
/// </summary>
public sealed class AdminAlertsJob
{
    public const string Id = "notifications.admin-alerts";
    private static readonly TimeSpan Recent = TimeSpan.FromDays(7);
    private readonly IMediator mediator;
    private readonly OutboxAdministration outboxes;
    private readonly Recipients recipients;
    private readonly SiteLinks links;
    private readonly IServiceProvider services;
    private readonly TimeProvider clock;

    internal AdminAlertsJob(IMediator mediator, OutboxAdministration outboxes, Recipients recipients, SiteLinks links, IServiceProvider services,
        TimeProvider clock)
    {
        this.mediator = mediator;
        this.outboxes = outboxes;
        this.recipients = recipients;
        this.links = links;
        this.services = services;
        this.clock = clock;
    }

    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var since = clock.GetUtcNow() - Recent;
        var strays = (await mediator.Send(new GetPaymentProblems(), ct)).StrayPayments.Where(s => s.ReceivedAt >= since).ToList();
        var parked = (await outboxes.ListAsync(ct)).Where(e => e.State == "parked" && e.ParkedAt >= since).ToList();
        if (strays.Count == 0 && parked.Count == 0) return 0;
        var admins = await recipients.AdministratorsAsync(ct);
        foreach (var stray in strays)
            await QueueAsync($"stray-{stray.PaymentReference}", new Mail("payment_refunded", new Dictionary<string, string>
            {
                ["reference"] = stray.PaymentReference, ["amount"] = stray.Amount.ToString("0.00", CultureInfo.InvariantCulture),
                ["number"] = stray.OrderNumber ?? "-", ["reason"] = stray.Reason,
            }, links.AdminPayments), admins, ct);
        foreach (var e in parked)
            await QueueAsync($"parked-{e.Id}-{e.ParkedAt!.Value.UtcTicks}", new Mail("event_parked", new Dictionary<string, string>
            {
                ["receiver"] = e.Receiver, ["type"] = e.EventType, ["attempts"] = e.Attempts.ToString(CultureInfo.InvariantCulture),
                ["error"] = e.Error ?? "-",
            }, links.AdminOutbox), admins, ct);
        return strays.Count + parked.Count;
    }

    private async Task QueueAsync(string source, Mail mail, IReadOnlyList<Recipient> admins, CancellationToken ct)
    {
        var messages = services.GetRequiredService<Messages>(); // a fresh list for each alert
        foreach (var admin in admins) messages.Email(source, mail, admin);
        await services.GetRequiredService<MessageQueue>().QueueAsync(source, messages.All, ct);
    }
}
