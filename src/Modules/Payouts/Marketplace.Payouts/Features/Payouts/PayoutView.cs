using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Payouts;

namespace Marketplace.Payouts.Features.Payouts;

/// <summary>A payout as the API shows it.</summary>
internal sealed record PayoutView(Guid Id, string Reference, Guid CooperativeId, Money Amount, PayoutMethod Method, PayoutStatus Status,
    string PeriodEnd, DateTimeOffset CreatedAt, string? BankReference, DateTimeOffset? SentAt, string? TransferId, DateTimeOffset? PaidAt,
    string? FailureReason, DateTimeOffset? ReconciledAt, Guid? BatchId)
{
    public static PayoutView Of(Payout p) => new(p.Id, p.Reference, p.CooperativeId, p.Amount, p.Method, p.Status, p.Period, p.CreatedAt,
        p.BankReference, p.SentAt, p.TransferId, p.PaidAt, p.FailureReason, p.ReconciledAt, p.BatchId);
}
