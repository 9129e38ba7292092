using System.Text.Json.Serialization;
using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Cooperatives.Domain;

internal enum Status { Pending, Verified, Suspended }

internal sealed record StaffMember(Guid UserId, string? Email, bool IsOwner, DateTimeOffset AddedAt);

/// <param name="UserId">the member's own platform account (to read her statement), linked by its e-mail <paramref name="UserEmail"/>.</param>
internal sealed record Member(Guid Id, string FullName, string Role, DateOnly JoinedOn, DateOnly? LeftOn, string? Gender, int? SharesSubscribed,
    string? Phone = null, Guid? UserId = null, string? UserEmail = null)
{
    [JsonIgnore] public bool IsCurrent => LeftOn is null;
}

internal sealed record Shipping(Money FlatFee, Money? FreeAbove);

/// <param name="VatRate">null: exempt; else the rate (0.20) included in its prices.</param>
internal sealed record TaxDetails(string Ice, string TaxId, string RegisterNumber, string Address, decimal? VatRate, DateTimeOffset SetAt);

internal sealed record PayoutDetails(string Method, string? Rib, string? StripeAccountId, DateTimeOffset SetAt, DateTimeOffset? OnHoldUntil)
{
    public bool SameAccountAs(string method, string? rib, string? stripeAccountId) =>
        Method == method && Rib == rib && StripeAccountId == stripeAccountId;
}

/// <summary>
/// A cooperative, as its event stream makes it: the state that decisions read, and (kept inline by Marten in the
/// same transaction as the events) the document that the directory and the other modules' questions read.
/// </summary>
internal sealed class Cooperative
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public Dictionary<string, string> Name { get; set; } = [];
    public Dictionary<string, string> Description { get; set; } = [];
    public string RegistrationNumber { get; set; } = "";
    public string Province { get; set; } = "";
    public List<string> Sectors { get; set; } = [];
    public string ContactEmail { get; set; } = "";
    public string Phone { get; set; } = "";
    public Status Status { get; set; }
    public DateTimeOffset AppliedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset? SuspendedAt { get; set; }
    public List<StaffMember> Staff { get; set; } = [];
    /// <summary>Owner and staff, for the question "which cooperatives does U work for?".</summary>
    public List<Guid> StaffIds { get; set; } = [];
    public List<Member> Members { get; set; } = [];
    public Shipping? Shipping { get; set; }
    public PayoutDetails? Payout { get; set; }
    /// <summary>What its invoices must say (ICE, IF, register number, address, VAT); null until its owner sets it.</summary>
    public TaxDetails? Tax { get; set; }
    /// <summary>Names, descriptions and registration number, folded (<see cref="Texts.Fold"/>), for the directory's text filter.</summary>
    public string SearchText { get; set; } = "";
    /// <summary>Whether women lead it, as the cooperative declared; null: as its board's register shows.</summary>
    public bool? WomenLedDeclared { get; set; }

    [JsonIgnore] public string StatusName => Names.Of(Status);
    public bool IsStaff(Guid userId) => StaffIds.Contains(userId);
    public bool IsOwner(Guid userId) => OwnerId == userId;

    /// <summary>
    /// The state after one more event (the one evolve function: Marten's projection and the tests use it). A new
    /// instance: the state it starts from is never changed, whoever else holds it (Marten may reuse the one it fetched).
    /// </summary>
    public static Cooperative? Next(Cooperative? state, object @event)
    {
        if (@event is CooperativeApplied a) return Start(a);
        if (state is null) return null;
        var next = state.Copy();
        next.Change(@event);
        return next;
    }

    private Cooperative Copy()
    {
        var copy = (Cooperative)MemberwiseClone();
        copy.Name = new(Name);
        copy.Description = new(Description);
        copy.Sectors = [.. Sectors];
        copy.Staff = [.. Staff];
        copy.StaffIds = [.. StaffIds];
        copy.Members = [.. Members];
        return copy;
    }

    public static Cooperative Fold(IEnumerable<object> events) =>
        events.Aggregate((Cooperative?)null, Next) ?? throw new InvalidOperationException("A cooperative's stream starts with its application.");

    private static Cooperative Start(CooperativeApplied a)
    {
        var c = new Cooperative
        {
            Id = a.CooperativeId, OwnerId = a.OwnerId, Name = new(a.Name), Description = new(a.Description),
            RegistrationNumber = a.RegistrationNumber, Province = a.Province, Sectors = [.. a.Sectors],
            ContactEmail = a.ContactEmail, Phone = a.Phone, Status = Status.Pending, AppliedAt = a.At,
            Staff = [new StaffMember(a.OwnerId, null, IsOwner: true, a.At)], StaffIds = [a.OwnerId],
        };
        c.SearchText = Texts.Fold(string.Join(' ', c.Name.Values.Concat(c.Description.Values).Append(c.RegistrationNumber)));
        return c;
    }

    private void Change(object @event)
    {
        switch (@event)
        {
            case CooperativeVerified e: Status = Status.Verified; VerifiedAt = e.At; SuspendedAt = null; break;
            case CooperativeSuspended e: Status = Status.Suspended; SuspendedAt = e.At; break;
            case CooperativeReinstated: Status = Status.Verified; SuspendedAt = null; break;
            case StaffAdded e:
                Staff.Add(new StaffMember(e.UserId, e.Email, IsOwner: false, e.At));
                StaffIds.Add(e.UserId);
                break;
            case StaffRemoved e:
                Staff.RemoveAll(s => s.UserId == e.UserId);
                StaffIds.Remove(e.UserId);
                break;
            case MemberAdded e:
                Members.Add(new Member(e.MemberId, e.FullName, e.Role, e.JoinedOn, null, e.Gender, e.SharesSubscribed, e.Phone, e.UserId, e.UserEmail));
                break;
            case MemberUpdated e: Replace(e.MemberId, m => m with
            {
                FullName = e.FullName, Role = e.Role, JoinedOn = e.JoinedOn, Gender = e.Gender, SharesSubscribed = e.SharesSubscribed,
                Phone = e.Phone, UserId = e.UserId, UserEmail = e.UserEmail,
            }); break;
            case MemberLeft e: Replace(e.MemberId, m => m with { LeftOn = e.LeftOn }); break;
            case ShippingPolicySet e: Shipping = new Shipping(e.FlatFee, e.FreeAbove); break;
            case PayoutAccountSet e: Payout = new PayoutDetails(e.Method, e.Rib, e.StripeAccountId, e.At, e.OnHoldUntil); break;
            case TaxIdentitySet e: Tax = new TaxDetails(e.Ice, e.TaxId, e.RegisterNumber, e.Address, e.VatRate, e.At); break;
            case WomenLedDeclared e: WomenLedDeclared = e.WomenLed; break;
        }
    }

    private void Replace(Guid memberId, Func<Member, Member> change)
    {
        var index = Members.FindIndex(m => m.Id == memberId);
        if (index >= 0) Members[index] = change(Members[index]);
    }

    public static class Names
    {
        public static string Of(Status status) => status switch
        {
            Status.Pending => CooperativeStatus.Pending,
            Status.Verified => CooperativeStatus.Verified,
            _ => CooperativeStatus.Suspended,
        };

        public static Status? Parse(string? status) => status switch
        {
            CooperativeStatus.Pending => Status.Pending,
            CooperativeStatus.Verified => Status.Verified,
            CooperativeStatus.Suspended => Status.Suspended,
            _ => null,
        };
    }
}
