using Marketplace.Accounts.Domain;

namespace Marketplace.Accounts.Tests.Unit;

public sealed class SignInLockoutTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Given_four_failures_When_a_fifth_comes_within_15_minutes_Then_the_account_is_locked_for_15_minutes()
    {
        var user = new UserAccount();
        for (var i = 0; i < 4; i++) user.RecordFailure(T0.AddMinutes(i * 3));
        user.IsLockedAt(T0.AddMinutes(12)).Should().BeFalse();

        user.RecordFailure(T0.AddMinutes(14));

        user.IsLockedAt(T0.AddMinutes(14)).Should().BeTrue();
        user.IsLockedAt(T0.AddMinutes(28)).Should().BeTrue();
        user.IsLockedAt(T0.AddMinutes(29).AddSeconds(1)).Should().BeFalse();
    }

    [Fact]
    public void Given_failures_spread_over_more_than_15_minutes_Then_the_account_is_not_locked()
    {
        var user = new UserAccount();
        for (var i = 0; i < 10; i++) user.RecordFailure(T0.AddMinutes(i * 4));
        user.IsLockedAt(T0.AddMinutes(36)).Should().BeFalse();
    }

    [Fact]
    public void Given_failures_When_a_sign_in_succeeds_Then_the_count_starts_again()
    {
        var user = new UserAccount();
        for (var i = 0; i < 4; i++) user.RecordFailure(T0.AddMinutes(i));
        user.RecordSuccess();
        user.RecordFailure(T0.AddMinutes(5));
        user.IsLockedAt(T0.AddMinutes(5)).Should().BeFalse();
        user.RecentFailures.Should().HaveCount(1);
    }

    [Theory]
    [InlineData("  Amina@Example.MA ", "amina@example.ma")]
    [InlineData("x@y.ma", "x@y.ma")]
    public void E_mails_are_compared_trimmed_and_in_lower_case(string typed, string stored) =>
        UserAccount.NormaliseEmail(typed).Should().Be(stored);
}
