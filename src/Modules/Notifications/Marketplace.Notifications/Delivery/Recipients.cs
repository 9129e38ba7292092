using Marketplace.BuildingBlocks;
using Marketplace.Accounts.Contracts;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.Extensions.Configuration;

namespace Marketplace.Notifications.Delivery;

/// <summary>Someone to write to, in their language.</summary>
internal sealed record Recipient(string Email, string Name, string Language);

/// <param name="Staff">its staff's accounts, and its contact e-mail when no account has it (in French).</param>
/// <param name="SmsLanguage">its owner's language, for the SMS to its phone.</param>
internal sealed record CooperativeRecipients(Guid Id, IReadOnlyDictionary<string, string> Name, string Phone, IReadOnlyList<Recipient> Staff,
    string SmsLanguage)
{
    public string NameIn(string language) => Names.Pick(Name, language);
}

/// <summary>Who is who, asked of Accounts and Cooperatives through their Contracts when a message is written.</summary>
internal sealed class Recipients(IMediator mediator)
{
    public async Task<Recipient?> UserAsync(Guid userId, CancellationToken ct) =>
        (await mediator.Send(new GetContacts([userId]), ct)).Select(Of).SingleOrDefault();

    public async Task<IReadOnlyList<Recipient>> AdministratorsAsync(CancellationToken ct) =>
        (await mediator.Send(new GetAdministratorContacts(), ct)).Select(Of).ToList();

    public async Task<CooperativeRecipients?> CooperativeAsync(Guid cooperativeId, CancellationToken ct) =>
        (await CooperativesAsync([cooperativeId], ct)).GetValueOrDefault(cooperativeId);

    /// <summary>Several cooperatives' recipients in two questions (their contacts, then their staff's), whatever their number.</summary>
    public async Task<IReadOnlyDictionary<Guid, CooperativeRecipients>> CooperativesAsync(IReadOnlyCollection<Guid> cooperativeIds, CancellationToken ct)
    {
        var cooperatives = await mediator.Send(new GetCooperativeContacts(cooperativeIds.Distinct().ToList()), ct);
        if (cooperatives.Count == 0) return new Dictionary<Guid, CooperativeRecipients>();
        var contacts = (await mediator.Send(new GetContacts(cooperatives.SelectMany(c => c.StaffIds).Distinct().ToList()), ct))
            .DistinctBy(c => c.Id).ToDictionary(c => c.Id);
        return cooperatives.DistinctBy(c => c.Id).ToDictionary(c => c.Id, cooperative =>
        {
            var staff = cooperative.StaffIds.Select(id => contacts.GetValueOrDefault(id)).OfType<Contact>().Select(Of).ToList();
            if (!string.IsNullOrWhiteSpace(cooperative.ContactEmail)
                && !staff.Any(s => string.Equals(s.Email, cooperative.ContactEmail.Trim(), StringComparison.OrdinalIgnoreCase)))
                staff.Add(new Recipient(cooperative.ContactEmail.Trim(), Names.Pick(cooperative.Name, "fr"), "fr"));
            return new CooperativeRecipients(cooperative.Id, cooperative.Name, cooperative.Phone, staff, staff.FirstOrDefault()?.Language ?? "fr");
        });
    }

    private static Recipient Of(Contact c) => new(c.Email, c.DisplayName, c.Language);
}

internal static class Names
{
    public static string Pick(IReadOnlyDictionary<string, string> name, string language) => LocalizedText.Pick(name, language);
}

/// <summary>
/// Addresses of the site's pages for links in messages: Marketplace:PublicBaseUrl when set (behind a proxy), else the
/// Host's first URL (ASPNETCORE_URLS), else http://localhost:5080.
/// </summary>
internal sealed class SiteLinks(IConfiguration config)
{
    public string BaseUrl { get; } = Base(config);

    public string Order(Guid orderId) => $"{BaseUrl}/orders/{orderId}";
    public string CooperativeOrders(Guid cooperativeId) => $"{BaseUrl}/coop/{cooperativeId}/orders";
    public string CooperativeBalance(Guid cooperativeId) => $"{BaseUrl}/coop/{cooperativeId}/balance";
    public string CooperativePayoutAccount(Guid cooperativeId) => $"{BaseUrl}/coop/{cooperativeId}/payout-account";
    public string CooperativeCertificates(Guid cooperativeId) => $"{BaseUrl}/coop/{cooperativeId}/certificates";
    public string AdminCooperative(Guid cooperativeId) => $"{BaseUrl}/admin/cooperatives/{cooperativeId}";
    public string Invitation(string token) => $"{BaseUrl}/invitations/{token}";
    public string AdminPayments => $"{BaseUrl}/admin/payments";
    public string AdminOutbox => $"{BaseUrl}/admin/outbox";

    private static string Base(IConfiguration config)
    {
        if (config["Marketplace:PublicBaseUrl"] is { Length: > 0 } configured) return configured.TrimEnd('/');
        var first = (config["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null) return "http://localhost:5080";
        return first.Replace("://0.0.0.0", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://[::]", "://localhost").TrimEnd('/');
    }
}
