using Marketplace.Cooperatives.Contracts;
using Marketplace.Economy.Domain;

namespace Marketplace.Economy.Features;

/// <summary>Lines of members' accounts as the API and the pages show them.</summary>
internal static class EntryViews
{
    public static SupplyEntry Supply(MemberEntry e, MemberRegister register) => new(e.Id, e.MemberId, register.Find(e.MemberId)?.FullName ?? "",
        e.Date, e.Item ?? "", e.Quantity, e.Unit ?? "", e.Grade, new MoneyValue(e.UnitPrice, e.Currency), new MoneyValue(e.Amount, e.Currency),
        e.Lot, e.Reverses, e.ReversedBy, e.Reason, e.RecordedAt);

    public static PaymentEntry Payment(MemberEntry e) =>
        new(e.Id, e.MemberId, e.Date, new MoneyValue(e.Amount, e.Currency), e.Method ?? "", e.Note, e.Advance, e.RecordedAt);

    public static SurplusShareEntry Surplus(MemberEntry e) => new(e.AssemblyId ?? Guid.Empty, e.Date, e.FinancialYear,
        new MoneyValue(e.SuppliesValue, e.Currency), new MoneyValue(e.Amount, e.Currency));
}
