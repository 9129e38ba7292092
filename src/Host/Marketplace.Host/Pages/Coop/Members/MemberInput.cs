using System.Globalization;
using Marketplace.Cooperatives.Contracts;

namespace Marketplace.Host.Pages.Coop.Members;

/// <summary>A member's details as the form sends them (a date field gives yyyy-MM-dd; shares as typed).</summary>
public sealed class MemberInput
{
    public string? FullName { get; set; }
    public string? Role { get; set; } = "member";
    public string? JoinedOn { get; set; }
    public string? Gender { get; set; }
    public string? SharesSubscribed { get; set; }
    public string? Phone { get; set; }
    /// <summary>The e-mail of her account on the platform, with which she reads her statement.</summary>
    public string? UserEmail { get; set; }

    /// <summary>The shares as a number; what is not one is sent as an impossible count, which the module refuses on the field.</summary>
    public int? Shares => string.IsNullOrWhiteSpace(SharesSubscribed) ? null : CoopForms.ParseWhole(SharesSubscribed) ?? -1;

    public string? GenderOrNull => string.IsNullOrWhiteSpace(Gender) ? null : Gender;

    public static MemberInput Of(CooperativeMember m) => new()
    {
        FullName = m.FullName, Role = m.Role, JoinedOn = m.JoinedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Gender = m.Gender,
        SharesSubscribed = m.SharesSubscribed?.ToString(CultureInfo.InvariantCulture), Phone = m.Phone, UserEmail = m.UserEmail,
    };
}
