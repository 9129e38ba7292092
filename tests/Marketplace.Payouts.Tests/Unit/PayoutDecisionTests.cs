using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Payouts;

namespace Marketplace.Payouts.Tests.Unit;

public sealed class PayoutDecisionTests
{
    private static Payout Payout(PayoutStatus status = PayoutStatus.Sent, PayoutMethod method = PayoutMethod.BankTransfer) => new()
    {
        Id = Guid.NewGuid(), Reference = "PO-2026-W48-0007", Amount = Money.Mad(1250m), Status = status, Method = method,
    };

    [Theory]
    [InlineData("VIR SEPA PO-2026-W48-0007 COOP TIFAOUT", -1250.00, true)]
    [InlineData("po-2026-w48-0007", -1250, true)]
    [InlineData("po-2026-w48-0007", 1250, false)]
    [InlineData("VIR PO-2026-W48-0007", -1250.01, false)]
    [InlineData("VIR PO-2026-W48-0070", -1250.00, false)]
    [InlineData("VIR PO-2026-W48-000", -1250.00, false)]
    public void Given_a_statement_line_When_matched_Then_it_needs_a_debit_of_the_amount_naming_the_payout(string reference, decimal amount, bool matches) =>
        PayoutDecisions.Matches(Payout(), reference, amount).Should().Be(matches);

    [Theory]
    [InlineData("RETOUR VIR PO-2026-W48-0007 COMPTE CLOS", 1250.00, "Sent", true)]
    [InlineData("RETOUR VIR PO-2026-W48-0007", 1250.00, "Reconciled", true)]
    [InlineData("RETOUR VIR PO-2026-W48-0007", -1250.00, "Sent", false)]
    [InlineData("RETOUR VIR PO-2026-W48-0007", 1250.00, "Pending", false)]
    [InlineData("RETOUR VIR PO-2026-W48-0007", 1250.00, "Returned", false)]
    [InlineData("RETOUR VIR PO-2026-W48-0070", 1250.00, "Sent", false)]
    public void Given_a_credit_line_naming_a_sent_or_reconciled_payout_Then_it_is_the_bank_returning_it(string reference, decimal amount,
        string status, bool isReturn) =>
        PayoutDecisions.IsReturnOf(Payout(Enum.Parse<PayoutStatus>(status)), reference, amount).Should().Be(isReturn);

    [Theory]
    [InlineData("Failed", true)]
    [InlineData("Returned", true)]
    [InlineData("Pending", false)]
    [InlineData("Sent", false)]
    [InlineData("Reconciled", false)]
    public void Given_a_payout_When_reissued_Then_only_a_failed_or_returned_one_is_paid_again(string status, bool allowed)
    {
        var payout = Payout(Enum.Parse<PayoutStatus>(status));
        var reissue = () => PayoutDecisions.Reissue(payout, PayoutMethod.BankTransfer, "RIB", Guid.Empty, DateTimeOffset.UnixEpoch);
        if (allowed) reissue().Attempt.Should().Be(1);
        else reissue.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("payout_not_reissuable");
    }

    [Theory]
    [InlineData("Pending")]
    [InlineData("Paid")]
    [InlineData("Reconciled")]
    public void Given_a_payout_not_sent_When_a_line_shows_it_Then_it_does_not_match(string status) =>
        PayoutDecisions.Matches(Payout(Enum.Parse<PayoutStatus>(status)), "PO-2026-W48-0007", -1250m).Should().BeFalse();

    [Fact]
    public void Given_a_pending_bank_transfer_When_marked_sent_Then_it_is_sent_with_the_banks_reference() =>
        PayoutDecisions.MarkSent(Payout(PayoutStatus.Pending), "BMCE-778812", Guid.Empty, DateTimeOffset.UnixEpoch).BankReference.Should().Be("BMCE-778812");

    [Theory]
    [InlineData("Sent", "BankTransfer", "payout_not_pending")]
    [InlineData("Reconciled", "BankTransfer", "payout_not_pending")]
    [InlineData("Pending", "StripeConnect", "not_a_bank_transfer")]
    public void Given_a_payout_that_cannot_be_sent_When_marked_sent_Then_it_is_refused(string status, string method, string code) =>
        FluentActions.Invoking(() => PayoutDecisions.MarkSent(Payout(Enum.Parse<PayoutStatus>(status), Enum.Parse<PayoutMethod>(method)), "X",
                Guid.Empty, DateTimeOffset.UnixEpoch))
            .Should().Throw<DomainRuleViolated>().Which.Code.Should().Be(code);
}
