using System.Globalization;
using FluentValidation;
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
    }
}

internal static class MemberInputs
{
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>After validation: the details as the domain keeps them.</summary>
    public static MemberDetails ToDetails(this IMemberInput input) => new(input.FullName!.Trim(), MemberRoles.Normalise(input.Role)!,
        ParseDate(input.JoinedOn)!.Value, Genders.Normalise(input.Gender), input.SharesSubscribed);
}

/// <summary>A member as the API shows it.</summary>
internal sealed record MemberView(Guid Id, string FullName, string Role, DateOnly JoinedOn, DateOnly? LeftOn, string? Gender,
    int? SharesSubscribed, bool IsCurrent)
{
    public static MemberView Of(Member m) => new(m.Id, m.FullName, m.Role, m.JoinedOn, m.LeftOn, m.Gender, m.SharesSubscribed, m.IsCurrent);
}
