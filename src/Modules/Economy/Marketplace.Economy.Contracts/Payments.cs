using MediatR;

namespace Marketplace.Economy.Contracts;

/// <summary>
/// Staff record what the cooperative paid a member (cash, transfer, wallet) on <paramref name="Date"/>. A payment beyond what
/// is owed to her is refused (Unprocessable) unless it is an <paramref name="Advance"/> on her next supplies.
/// </summary>
public sealed record RecordMemberPayment(Guid CooperativeId, Guid ActorId, Guid MemberId, string? Date, decimal? Amount, string? Method,
    string? Note, bool Advance = false) : IRequest<PaymentEntry>;

public static class PaymentMethods
{
    public const string Cash = "cash", Transfer = "transfer", Wallet = "wallet";
    public static readonly IReadOnlyList<string> All = [Cash, Transfer, Wallet];
}

public sealed record PaymentEntry(Guid Id, Guid MemberId, DateOnly Date, MoneyValue Amount, string Method, string? Note, bool Advance,
    DateTimeOffset RecordedAt);
