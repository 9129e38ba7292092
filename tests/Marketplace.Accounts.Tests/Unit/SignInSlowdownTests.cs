using System.Net;
using Marketplace.Accounts.Domain;
using Marketplace.Accounts.Limits;

namespace Marketplace.Accounts.Tests.Unit;

public sealed class SignInSlowdownTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Given_fewer_than_five_failures_Then_the_next_attempt_does_not_wait(int failures) =>
        AttemptLimits.WaitAfter(failures).Should().BeNull();

    [Theory]
    [InlineData(5, 30)]
    [InlineData(6, 60)]
    [InlineData(7, 120)]
    [InlineData(9, 480)]
    [InlineData(10, 900)]
    [InlineData(1000, 900)]
    public void Given_five_failures_or_more_Then_the_wait_doubles_with_each_up_to_15_minutes(int failures, int seconds) =>
        AttemptLimits.WaitAfter(failures).Should().Be(TimeSpan.FromSeconds(seconds));

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Addresses_are_counted_by_client_an_IPv6_line_by_its_64_network(string address, string key) =>
        AttemptCounters.AddressKey(IPAddress.Parse(address)).Should().Be(key);

    [Theory]
    [InlineData("  Amina@Example.MA ", "amina@example.ma")]
    [InlineData("x@y.ma", "x@y.ma")]
    public void E_mails_are_compared_trimmed_and_in_lower_case(string typed, string stored) =>
        UserAccount.NormaliseEmail(typed).Should().Be(stored);
}
