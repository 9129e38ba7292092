using System.Globalization;
using System.Security.Cryptography;
using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using Marketplace.Orders.Domain;
using Marketplace.Orders.Features;
using MediatR;
using Microsoft.Extensions.Options;

namespace Marketplace.Orders.Payments.Cmi;

/// <summary>
/// The CMI hosted-payment form of an unpaid card order (API.md "Card payments"): 3D_PAY_HOSTING, PreAuth, currency 504,
/// the order number as oid, the amount with 2 decimals, where CMI sends the shopper back (ok, fail) and tells us the
/// outcome (callback), a random rnd, the shopper's language, and the ver3 hash keyed with the store key.
/// </summary>
internal sealed class GetCardPaymentFormHandler(IOrdersStore store, IOptions<CmiOptions> options, SiteAddress site, TimeProvider clock)
    : IRequestHandler<GetCardPaymentForm, CardPaymentForm>
{
    public async Task<CardPaymentForm> Handle(GetCardPaymentForm query, CancellationToken ct)
    {
        var order = OrderAccess.ShopperOrAdmin(await store.LoadOrderAsync(query.OrderId, ct), query.UserId, isAdmin: false);
        order.EnsurePayable(clock.GetUtcNow());
        if (order.Payment.Gateway != "cmi" || !options.Value.IsConfigured)
            throw new DomainRuleViolated("not_a_cmi_payment", $"Order {order.Number} is not paid through CMI.");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("clientid", options.Value.ClientId!),
            new("storetype", "3D_PAY_HOSTING"),
            new("TranType", "PreAuth"),
            new("currency", "504"),
            new("oid", order.Number),
            new("amount", order.Total.Amount.ToString("0.00", CultureInfo.InvariantCulture)),
            new("okUrl", $"{site.BaseUrl}/api/payments/cmi/return/{order.Id}?outcome=ok"),
            new("failUrl", $"{site.BaseUrl}/api/payments/cmi/return/{order.Id}?outcome=fail"),
            new("callbackUrl", $"{site.BaseUrl}/api/payments/cmi/callback"),
            new("rnd", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10))),
            new("lang", query.Language is "ar" or "en" ? query.Language : "fr"),
            new("hashAlgorithm", "ver3"),
            new("encoding", "UTF-8"),
        };
        fields.Add(new("hash", CmiHash.Of(fields, options.Value.StoreKey!)));
        return new CardPaymentForm(order.Number, order.Total.Amount, order.Total.Currency, options.Value.GatewayUrl, fields);
    }
}
