using Marketplace.BuildingBlocks;

namespace Marketplace.Programme.Fairs;

[EventName("programme.fair_created")]
internal sealed record FairCreated(Guid FairId, string Name, string Place, DateOnly From, DateOnly To, Guid By, DateTimeOffset At) : IDomainEvent;

/// <summary>What the fair's list says of an exhibitor (the stand, in upper case, is its key in the fair).</summary>
internal sealed record ExhibitorDetails(string Stand, string Name, string Province, string Sector, string Phone, string? Email);

/// <param name="Token">its invitation's secret (the link's last segment).</param>
[EventName("programme.exhibitor_listed")]
internal sealed record ExhibitorListed(Guid FairId, ExhibitorDetails Details, string Token, DateTimeOffset At) : IDomainEvent;

[EventName("programme.exhibitor_changed")]
internal sealed record ExhibitorChanged(Guid FairId, ExhibitorDetails Details, DateTimeOffset At) : IDomainEvent;

[EventName("programme.exhibitor_invited")]
internal sealed record ExhibitorInvited(Guid FairId, string FairName, string Stand, string Name, string? Email, string Phone, string Token,
    DateTimeOffset At)
    : IDomainEvent;

/// <summary>A cooperative applied with the exhibitor's invitation: the stand leads to it from now on.</summary>
[EventName("programme.exhibitor_joined")]
internal sealed record ExhibitorJoined(Guid FairId, string Stand, Guid CooperativeId, DateTimeOffset At) : IDomainEvent;

/// <summary>A fair and its exhibitors (a stream per fair, its snapshot kept inline).</summary>
internal sealed class Fair
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Place { get; set; } = "";
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public List<Exhibitor> Exhibitors { get; set; } = [];

    public Exhibitor? Stand(string stand) => Exhibitors.FirstOrDefault(e => e.Details.Stand == stand);

    public void Apply(FairCreated e) => (Id, Name, Place, From, To, CreatedAt) = (e.FairId, e.Name, e.Place, e.From, e.To, e.At);
    public void Apply(ExhibitorListed e) => Exhibitors.Add(new Exhibitor { Details = e.Details, Token = e.Token, ListedAt = e.At });
    public void Apply(ExhibitorChanged e) => Stand(e.Details.Stand)!.Details = e.Details;
    public void Apply(ExhibitorInvited e) => Stand(e.Stand)!.InvitedAt = e.At;
    public void Apply(ExhibitorJoined e) => Stand(e.Stand)!.CooperativeId = e.CooperativeId;
}

internal sealed class Exhibitor
{
    public ExhibitorDetails Details { get; set; } = null!;
    public string Token { get; set; } = "";
    public DateTimeOffset ListedAt { get; set; }
    public DateTimeOffset? InvitedAt { get; set; }
    public Guid? CooperativeId { get; set; }
}

/// <summary>
/// What an exhibitor's line does to the fair: nothing when the stand is listed as it is; a new exhibitor, or one whose
/// e-mail or phone changed before it applied, is invited (again).
/// </summary>
internal static class ExhibitorDecisions
{
    public static IReadOnlyList<IDomainEvent> Import(Fair fair, ExhibitorDetails line, Func<string> newToken, DateTimeOffset now)
    {
        var listed = fair.Stand(line.Stand);
        if (listed is not null && listed.Details == line) return [];
        var events = new List<IDomainEvent>();
        string token;
        if (listed is null) { token = newToken(); events.Add(new ExhibitorListed(fair.Id, line, token, now)); }
        else { token = listed.Token; events.Add(new ExhibitorChanged(fair.Id, line, now)); }
        var contactIsNew = listed is null || line.Email != listed.Details.Email || line.Phone != listed.Details.Phone;
        if (contactIsNew && listed?.CooperativeId is null)
            events.Add(new ExhibitorInvited(fair.Id, fair.Name, line.Stand, line.Name, line.Email, line.Phone, token, now));
        return events;
    }

    /// <summary>Null when the exhibitor's cooperative is already this one (a repeated event); a second cooperative does not replace the first.</summary>
    public static ExhibitorJoined? Join(Fair fair, Exhibitor exhibitor, Guid cooperativeId, DateTimeOffset now) =>
        exhibitor.CooperativeId is null ? new ExhibitorJoined(fair.Id, exhibitor.Details.Stand, cooperativeId, now) : null;
}
