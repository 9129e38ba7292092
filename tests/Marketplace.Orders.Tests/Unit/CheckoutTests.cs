using Marketplace.BuildingBlocks;
using Marketplace.Cooperatives.Contracts;
using Marketplace.Orders.Domain;
using static Marketplace.Orders.Tests.Unit.OrderFixtures;

namespace Marketplace.Orders.Tests.Unit;

public sealed class CheckoutTests
{
    [Fact]
    public void Given_a_cart_from_two_cooperatives_When_placing_Then_one_sub_order_each_with_frozen_prices_and_totals()
    {
        var placed = Placed(PaymentMethod.CashOnDelivery, null,
            new CartLine(ArganOil.ProductId, 2), new CartLine(SaffronPot.ProductId, 3), new CartLine(Amlou.ProductId, 1));

        placed.SubOrders.Select(s => s.CooperativeId).Should().Equal(Argan, Saffron);
        var argan = placed.SubOrders[0];
        argan.Lines.Select(l => (l.Sku, l.Quantity, l.UnitPrice, l.LineTotal)).Should().Equal(
            ("ARG-250", 2, Mad(120m), Mad(240m)), ("AML-500", 1, Mad(85.50m), Mad(85.50m)));
        argan.Subtotal.Should().Be(Mad(325.50m));
        placed.SubOrders[1].Subtotal.Should().Be(Mad(135.75m));
        placed.ItemsTotal.Should().Be(Mad(461.25m));
        placed.ShippingTotal.Should().Be(Mad(0m));
        placed.Total.Should().Be(Mad(461.25m));
        placed.PaymentDueBy.Should().BeNull("cash on delivery waits for no payment");
    }

    [Fact]
    public void Given_shipping_policies_When_placing_Then_each_sub_order_pays_its_flat_fee_unless_its_items_reach_the_threshold()
    {
        ShippingPolicy[] policies = [new(Argan, 30m, 200m), new(Saffron, 25m, 500m)];

        var placed = Placed(PaymentMethod.Card, policies, new CartLine(ArganOil.ProductId, 2), new CartLine(SaffronPot.ProductId, 1));

        placed.SubOrders[0].Shipping.Should().Be(Mad(0m), "240 MAD of argan oil reaches the 200 MAD threshold");
        placed.SubOrders[1].Shipping.Should().Be(Mad(25m));
        placed.ShippingTotal.Should().Be(Mad(25m));
        placed.Total.Should().Be(Mad(240m + 45.25m + 25m));
        placed.PaymentDueBy.Should().Be(T0.AddMinutes(30));
    }

    [Theory]
    [InlineData(199.99, 30)]
    [InlineData(200.00, 0)]
    [InlineData(200.01, 0)]
    public void The_fee_is_waived_from_the_threshold_on(decimal subtotal, decimal fee) =>
        Checkout.Fee(new ShippingPolicy(Argan, 30m, 200m), Mad(subtotal)).Should().Be(Mad(fee));

    [Fact]
    public void A_cooperative_without_a_policy_charges_no_fee_and_one_without_threshold_always_charges_it()
    {
        Checkout.Fee(null, Mad(10m)).Should().Be(Mad(0m));
        Checkout.Fee(new ShippingPolicy(Argan, 30m, null), Mad(10_000m)).Should().Be(Mad(30m));
    }

    [Fact]
    public void The_order_id_follows_from_the_shopper_and_the_key_and_sub_order_ids_from_the_order_and_the_cooperative()
    {
        var id = Checkout.OrderId(Shopper, "key-1");
        Checkout.OrderId(Shopper, "key-1").Should().Be(id);
        Checkout.OrderId(Shopper, "key-2").Should().NotBe(id);
        Checkout.OrderId(Staff, "key-1").Should().NotBe(id, "keys are scoped to the shopper");
        Checkout.SubOrderId(id, Argan).Should().Be(Checkout.SubOrderId(id, Argan)).And.NotBe(Checkout.SubOrderId(id, Saffron));
    }

    [Fact]
    public void Given_a_product_in_another_currency_When_placing_Then_it_is_refused()
    {
        var euro = ArganOil with { Currency = "EUR" };
        var act = () => Checkout.Place(Guid.NewGuid(), "SM-2026-000002", Shopper, PaymentMethod.CashOnDelivery,
            [new CartLine(euro.ProductId, 1)], [euro], [], Address, "h", T0, TimeSpan.FromMinutes(30));
        act.Should().Throw<DomainRuleViolated>().Which.Code.Should().Be("currency");
    }

    [Theory]
    [InlineData(2026, 123, "SM-2026-000123")]
    [InlineData(2027, 1_234_567, "SM-2027-1234567")]
    public void Order_numbers_are_for_people(int year, long sequence, string number) => OrderNumbers.Format(year, sequence).Should().Be(number);
}
