using System.Net;
using Marketplace.Payouts.Stripe;
using Stripe;

namespace Marketplace.Payouts.Tests.Unit;

/// <summary>Which Stripe answers fail a payout (its money back) and which are tried again (Stripe may have paid it).</summary>
public sealed class StripeErrorTests
{
    private static StripeException Error(HttpStatusCode status, string? type, string? code = null) =>
        new(status, type is null ? null! : new StripeError { Type = type, Code = code }, "error");

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError, "api_error", null)]
    [InlineData(HttpStatusCode.BadGateway, null, null)]
    [InlineData(HttpStatusCode.TooManyRequests, "invalid_request_error", "rate_limit")]
    [InlineData(HttpStatusCode.TooManyRequests, "invalid_request_error", "lock_timeout")]
    [InlineData(HttpStatusCode.Conflict, "idempotency_error", null)]
    [InlineData(HttpStatusCode.BadRequest, "idempotency_error", null)]
    [InlineData(HttpStatusCode.Unauthorized, "authentication_error", null)]
    [InlineData((HttpStatusCode)0, null, null)]
    public void Given_an_answer_that_says_nothing_of_the_transfer_Then_it_is_tried_again(HttpStatusCode status, string? type, string? code) =>
        StripeTransfers.IsTransient(Error(status, type, code)).Should().BeTrue();

    [Theory]
    [InlineData("resource_missing")]
    [InlineData("insufficient_capabilities_for_transfer")]
    [InlineData("balance_insufficient")]
    [InlineData("parameter_invalid_integer")]
    public void Given_a_refusal_of_the_transfer_Then_the_payout_fails(string code) =>
        StripeTransfers.IsTransient(Error(HttpStatusCode.BadRequest, "invalid_request_error", code)).Should().BeFalse();
}
