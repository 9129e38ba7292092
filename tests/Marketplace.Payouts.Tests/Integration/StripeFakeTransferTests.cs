using Marketplace.Testing.Stripe;
using Stripe;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>The fake's transfers speak Stripe's wire format well enough for Stripe.net: create, idempotency, list, errors.</summary>
public sealed class StripeFakeTransferTests : IAsyncLifetime
{
    private StripeFake fake = null!;
    private StripeClient client = null!;

    public async Task InitializeAsync()
    {
        fake = await StripeFake.StartAsync();
        client = new StripeClient(new StripeClientOptions
        {
            ApiKey = fake.SecretKey, ApiBase = fake.ApiBase, HttpClient = new SystemNetHttpClient(new HttpClient(), maxNetworkRetries: 0),
        });
    }

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private Task<Transfer> TransferAsync(string destination, long amount, string key, string group = "PO-2026-W48-0001") =>
        client.V1.Transfers.CreateAsync(new TransferCreateOptions
        {
            Amount = amount, Currency = "mad", Destination = destination, TransferGroup = group, Metadata = new() { ["payoutId"] = key },
        }, new RequestOptions { IdempotencyKey = key });

    [Fact]
    public async Task A_transfer_is_made_once_per_idempotency_key_and_listed_by_group_and_date_page_by_page()
    {
        var first = await TransferAsync("acct_1Tifaout", 34000, "k-1");
        (await TransferAsync("acct_1Tifaout", 34000, "k-1")).Id.Should().Be(first.Id);
        for (var i = 2; i <= 5; i++) await TransferAsync("acct_1Other", 1000 * i, $"k-{i}", $"PO-2026-W48-000{i}");

        (first.Id, first.Amount, first.Currency, first.DestinationId, first.Metadata["payoutId"]).Should()
            .Be((first.Id, 34000L, "mad", "acct_1Tifaout", "k-1"));
        first.Id.Should().StartWith("tr_");
        fake.Transfers.Should().HaveCount(5);
        (await client.V1.Transfers.ListAsync(new TransferListOptions { TransferGroup = "PO-2026-W48-0001" })).Data
            .Should().ContainSingle().Which.Id.Should().Be(first.Id);
        var all = new List<Transfer>();
        await foreach (var t in client.V1.Transfers.ListAutoPagingAsync(new TransferListOptions
            { Limit = 2, Created = new DateRangeOptions { GreaterThanOrEqual = DateTime.UtcNow.AddMinutes(-1) } }))
            all.Add(t);
        all.Select(t => t.Id).Should().OnlyHaveUniqueItems().And.HaveCount(5);
        (await client.V1.Transfers.ListAsync(new TransferListOptions { Created = new DateRangeOptions { LessThan = DateTime.UtcNow.AddMinutes(-1) } }))
            .Data.Should().BeEmpty();
    }

    [Fact]
    public async Task A_refused_transfer_is_stripes_400_and_a_reversal_shows_in_the_transfer()
    {
        fake.RefuseTransfersTo("acct_1Closed");

        var refused = await FluentActions.Awaiting(() => TransferAsync("acct_1Closed", 5000, "k-refused")).Should().ThrowAsync<StripeException>();
        var unknown = await FluentActions.Awaiting(() => TransferAsync("not-an-account", 5000, "k-unknown")).Should().ThrowAsync<StripeException>();
        var made = await TransferAsync("acct_1Closed", 5000, "k-later");
        fake.Reverse(made.Id, 1500);

        refused.Which.HttpStatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        (refused.Which.StripeError.Type, refused.Which.StripeError.Code).Should().Be(("invalid_request_error", "insufficient_capabilities_for_transfer"));
        unknown.Which.StripeError.Code.Should().Be("resource_missing");
        var read = await client.V1.Transfers.GetAsync(made.Id);
        (read.Amount, read.AmountReversed, read.Reversed).Should().Be((5000L, 1500L, false));
    }
}
