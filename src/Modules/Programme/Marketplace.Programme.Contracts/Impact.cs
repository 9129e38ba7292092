using MediatR;

namespace Marketplace.Programme.Contracts;

/// <summary>
/// The programme's impact between two days (Morocco's calendar, both included), from the platform's own records: sales
/// (Orders), cooperatives that sold and the share of sales from women-led ones (Cooperatives' boards), members paid and
/// amounts paid to members (the members' economy), payouts made to cooperatives (Payouts). Bad dates are
/// ValidationFailed on "from" or "to".
/// </summary>
public sealed record GetImpact(DateOnly From, DateOnly To, string Language) : IRequest<Impact>;

/// <param name="WomenLedShare">the part of sales (0 to 1, 4 decimals) made by cooperatives that women lead.</param>
public sealed record Impact(DateOnly From, DateOnly To, ImpactSales Sales, int CooperativesSelling, decimal WomenLedShare, int MembersPaid,
    ImpactMoney PaidToMembers, ImpactPayouts PayoutsMade);

/// <summary>What the platform paid out to cooperatives in the period: payouts, cooperatives paid, the amount.</summary>
public sealed record ImpactPayouts(int Payouts, int Cooperatives, ImpactMoney Amount);

public sealed record ImpactSales(ImpactMoney Total, IReadOnlyList<ImpactLine> ByProvince, IReadOnlyList<ImpactLine> ByCategory,
    IReadOnlyList<ImpactMonth> ByMonth);

public sealed record ImpactLine(string Key, string Name, ImpactMoney Amount);

/// <param name="Month">yyyy-MM.</param>
public sealed record ImpactMonth(string Month, ImpactMoney Amount);

/// <summary>An amount as the API writes it: {"amount": 120.00, "currency": "MAD"}.</summary>
public sealed record ImpactMoney(decimal Amount, string Currency = "MAD");
