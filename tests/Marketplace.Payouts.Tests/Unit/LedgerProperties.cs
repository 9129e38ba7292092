using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Domain.Ledger;

namespace Marketplace.Payouts.Tests.Unit;

/// <summary>
/// Any sequence of what can happen to a cooperative's sub-orders and payouts, in any order (even orders that the Orders
/// module never produces), run through the ledger's decisions and checked against a small model written separately.
/// </summary>
public sealed class LedgerProperties
{
    internal sealed record SubOrder(bool IsCard, SubOrderAmounts Amounts);

    internal abstract record Op;
    internal sealed record Pay(int S) : Op;
    internal sealed record Deliver(int S) : Op;
    internal sealed record Cancel(int S) : Op;
    internal sealed record Refund(int S, int Percent) : Op;
    internal sealed record Run(decimal Minimum) : Op;
    internal sealed record FailLastPayout : Op;

    internal sealed record Scenario(IReadOnlyList<SubOrder> SubOrders, IReadOnlyList<Op> Ops)
    {
        public override string ToString() =>
            string.Join("; ", SubOrders.Select((s, i) => $"#{i} {(s.IsCard ? "card" : "cash")} gross {s.Amounts.Gross.Amount} commission {s.Amounts.Commission.Amount}"))
            + " | " + string.Join(", ", Ops);
    }

    private static readonly Gen<SubOrder> SubOrderGen =
        from isCard in Gen.Elements(true, false)
        from items in Gen.Choose(0, 300_000)
        from shipping in Gen.Elements(0, 1_500, 3_500, 5_000)
        from rate in Gen.Elements(0m, 0.05m, 0.1m, 0.125m, 0.15m, 0.333m, 0.5m)
        let commission = Money.FromMinorUnits(items).Times(rate)
        select new SubOrder(isCard, LedgerTestKit.Sale((items + shipping) / 100m, commission.Amount));

    private static Gen<Op> OpGen(int subOrders, bool fullRefundsOnly) => Gen.Frequency(
        (5, Gen.Choose(0, subOrders - 1).Select(s => (Op)new Pay(s))),
        (5, Gen.Choose(0, subOrders - 1).Select(s => (Op)new Deliver(s))),
        (1, Gen.Choose(0, subOrders - 1).Select(s => (Op)new Cancel(s))),
        (1, from s in Gen.Choose(0, subOrders - 1) from p in fullRefundsOnly ? Gen.Constant(100) : Gen.Choose(1, 100) select (Op)new Refund(s, p)),
        (3, Gen.Elements(0.01m, 100m, 500m).Select(m => (Op)new Run(m))),
        (1, Gen.Constant((Op)new FailLastPayout())));

    private static Arbitrary<Scenario> Scenarios(bool fullRefundsOnly) => (
        from subOrders in Gen.Choose(1, 6).SelectMany(n => SubOrderGen.ArrayOf(n))
        from ops in OpGen(subOrders.Length, fullRefundsOnly).ListOf()
        select new Scenario(subOrders, ops)).ToArbitrary();

    /// <summary>Runs a scenario through the decisions, checking the ledger after every step.</summary>
    private static bool Holds(Scenario scenario, bool checkModel)
    {
        var kit = new LedgerTestKit();
        var model = scenario.SubOrders.Select(_ => "none").ToArray();
        var paidOut = 0m;
        var payouts = new Stack<PayoutDebited>();
        var everDelivered = new HashSet<int>(); // card sub-orders delivered after they were paid (the model's own account)
        foreach (var op in scenario.Ops)
        {
            switch (op)
            {
                case Pay(var s) when scenario.SubOrders[s].IsCard:
                    kit.Do(l => LedgerDecisions.PayCardSale(l, scenario.SubOrders[s].Amounts, LedgerTestKit.T0));
                    if (model[s] == "none") model[s] = "pending";
                    break;
                case Deliver(var s):
                    var sale = scenario.SubOrders[s];
                    kit.Do(l => sale.IsCard ? LedgerDecisions.DeliverCardSale(l, sale.Amounts.SubOrderId, LedgerTestKit.T0, TimeSpan.Zero)
                        : LedgerDecisions.DeliverCashSale(l, sale.Amounts, LedgerTestKit.T0));
                    model[s] = (sale.IsCard, model[s]) switch { (true, "pending") => "available", (false, "none") => "owed", (_, var m) => m };
                    if (model[s] == "available") everDelivered.Add(s);
                    break;
                case Cancel(var s):
                    var c = scenario.SubOrders[s].Amounts;
                    kit.Do(l => LedgerDecisions.ReverseSale(l, c.OrderId, c.SubOrderId, c.OrderNumber, ReversalReasons.Cancelled, null, LedgerTestKit.T0));
                    model[s] = "closed";
                    break;
                case Refund(var s, var percent) when scenario.SubOrders[s].IsCard:
                    var r = scenario.SubOrders[s].Amounts;
                    var amount = Money.Mad(Money.Round(r.Gross.Amount * percent / 100m));
                    kit.Do(l => LedgerDecisions.ReverseSale(l, r.OrderId, r.SubOrderId, r.OrderNumber, ReversalReasons.Refunded, amount, LedgerTestKit.T0));
                    if (percent == 100 && model[s] is "pending" or "available") model[s] = "closed";
                    break;
                case Run(var minimum):
                    var payableBefore = kit.Ledger.Payable.Amount;
                    var debit = kit.Payout(minimum);
                    if ((debit is not null) != (payableBefore >= minimum)) return false;          // pays exactly when owed reaches the minimum
                    if (debit is not null && (debit.Amount.Amount != payableBefore || !kit.Ledger.Payable.IsZero)) return false;
                    if (debit is not null) { paidOut += debit.Amount.Amount; payouts.Push(debit); }
                    break;
                case FailLastPayout when payouts.Count > 0:
                    var failed = payouts.Pop();
                    kit.Do(l => LedgerDecisions.ReturnPayout(l, failed.PayoutId, "refused", LedgerTestKit.T0));
                    paidOut -= failed.Amount.Amount;
                    break;
            }
            if (!BalancesAreTheSumOfTheirEntries(kit)) return false;
            var cardNets = scenario.SubOrders.Select((s, i) => (s, i)).Where(x => x.s.IsCard);
            // Never pays more than the nets of card sales that were paid and then delivered (an upper bound, whatever happens).
            if (paidOut > everDelivered.Sum(i => scenario.SubOrders[i].Amounts.Net.Amount)) return false;
            if (!checkModel) continue;
            // Full reversals only: the model knows exactly what was earned, and every dirham of it is paid or still owed.
            var earned = cardNets.Where(x => model[x.i] == "available").Sum(x => x.s.Amounts.Net.Amount)
                - scenario.SubOrders.Select((s, i) => (s, i)).Where(x => !x.s.IsCard && model[x.i] == "owed").Sum(x => x.s.Amounts.Commission.Amount);
            var pending = cardNets.Where(x => model[x.i] == "pending").Sum(x => x.s.Amounts.Net.Amount);
            if (paidOut + kit.Ledger.Payable.Amount != earned || kit.Ledger.Pending.Amount != pending) return false;
        }
        return true;
    }

    private static bool BalancesAreTheSumOfTheirEntries(LedgerTestKit kit)
    {
        foreach (var t in kit.Posted)
            if (t.Legs.Where(l => l.Account.IsDebitNormal()).Sum(l => l.Amount.Amount) != t.Legs.Where(l => !l.Account.IsDebitNormal()).Sum(l => l.Amount.Amount))
                return false;
        foreach (var account in Enum.GetValues<LedgerAccount>())
        {
            var running = 0m;
            foreach (var leg in kit.Posted.SelectMany(t => t.Legs).Where(l => l.Account == account))
            {
                running += leg.Amount.Amount;
                if (leg.BalanceAfter.Amount != running) return false;
            }
            if (kit.Ledger.Balance(account).Amount != running) return false;
        }
        return kit.Ledger.Pending.Amount >= 0m;
    }

    [Property(MaxTest = 300)]
    public Property Whatever_happens_every_balance_equals_the_sum_of_its_entries_and_nothing_is_paid_that_was_not_earned() =>
        Prop.ForAll(Scenarios(fullRefundsOnly: false), s => Holds(s, checkModel: false));

    [Property(MaxTest = 300)]
    public Property With_whole_cancellations_and_refunds_every_dirham_earned_is_paid_out_or_still_in_the_balance() =>
        Prop.ForAll(Scenarios(fullRefundsOnly: true), s => Holds(s, checkModel: true));
}
