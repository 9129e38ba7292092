using System.Globalization;
using FluentValidation;
using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using MediatR;
using Marketplace.Cooperatives.Domain;

namespace Marketplace.Cooperatives.Features;

/// <summary>A member's details as sent (add and update): checked field by field, then turned into <see cref="MemberDetails"/>.</summary>
internal interface IMemberInput
{
    string? FullName { get; }
    string? Role { get; }
    /// <summary>yyyy-MM-dd.</summary>
    string? JoinedOn { get; }
    string? Gender { get; }
    int? SharesSubscribed { get; }
    string? Phone { get; }
    /// <summary>The e-mail of the member's own platform account, so that she reads her statement; "" unlinks it.</summary>
    string? UserEmail { get; }
}

internal abstract class MemberInputValidator<T> : AbstractValidator<T> where T : IMemberInput
{
    protected MemberInputValidator(TimeProvider clock)
    {
        RuleFor(x => x.FullName).NotEmpty().MaximumLength(150)
            .Must(n => n is null || n.Trim().Length > 0).WithMessage("'Full Name' must not be blank.");
        RuleFor(x => x.Role).Must(r => MemberRoles.Normalise(r) is not null)
            .WithMessage($"role is one of {string.Join(", ", MemberRoles.All)}.");
        RuleFor(x => x.JoinedOn).Must(d => MemberInputs.ParseDate(d) is not null).WithMessage("joinedOn is a date: yyyy-MM-dd.")
            .Must(d => MemberInputs.ParseDate(d) is not { } day || day <= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage("joinedOn cannot be in the future.");
        RuleFor(x => x.Gender).Must(g => g is null || Genders.Normalise(g) is not null)
            .WithMessage($"gender, when given, is one of {string.Join(", ", Genders.All)}.");
        RuleFor(x => x.SharesSubscribed).GreaterThanOrEqualTo(0).LessThanOrEqualTo(1_000_000);
        RuleFor(x => x.Phone).Must(p => string.IsNullOrWhiteSpace(p) || PhoneNumber.IsValid(p))
            .WithMessage("phone, when given, is a phone number such as 06 12 34 56 78 or +212 6 12 34 56 78.");
        RuleFor(x => x.UserEmail).MaximumLength(254).Matches(@"^\s*([^@\s]+@[^@\s]+\.[^@\s]+)?\s*$")
            .WithMessage("userEmail, when given, is the e-mail of the member's account on the platform.");
    }
}

internal static class MemberInputs
{
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>After validation: the details as the domain keeps them, with the member's account found by its e-mail.</summary>
    public static MemberDetails ToDetails(this IMemberInput input, UserSummary? account) => new(input.FullName!.Trim(),
        MemberRoles.Normalise(input.Role)!, ParseDate(input.JoinedOn)!.Value, Genders.Normalise(input.Gender), input.SharesSubscribed,
        PhoneNumber.Normalise(input.Phone), account?.Id, account?.Email);

    /// <summary>
    /// The account the member reads her statement with, found by the e-mail staff give (null when none is given).
    /// Staff are checked first: a stranger learns nothing of who is registered.
    /// </summary>
    public static async Task<UserSummary?> FindAccountAsync(this IMemberInput input, Cooperative cooperative, Guid actorId, IMediator mediator,
        CancellationToken ct)
    {
        Access.RequireStaff(cooperative, actorId);
        if (string.IsNullOrWhiteSpace(input.UserEmail)) return null;
        return await mediator.Send(new FindUserByEmail(input.UserEmail.Trim()), ct)
            ?? throw new ValidationFailed("userEmail", "No account is registered with this e-mail: ask her to register first, then link it.");
    }
}

/// <summary>A member as the API shows it.</summary>
/// <param name="Shares">the shares she holds (the same as <paramref name="SharesSubscribed"/>, API.md's name).</param>
internal sealed record MemberView(Guid Id, string FullName, string Role, DateOnly JoinedOn, DateOnly? LeftOn, string? Gender,
    int? SharesSubscribed, bool IsCurrent, string? Phone, string? UserEmail)
{
    public int? Shares => SharesSubscribed;

    public static MemberView Of(Member m) =>
        new(m.Id, m.FullName, m.Role, m.JoinedOn, m.LeftOn, m.Gender, m.SharesSubscribed, m.IsCurrent, m.Phone, m.UserEmail);
}
