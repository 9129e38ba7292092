using Marketplace.Tourism.Contracts;
using Marketplace.Tourism.Domain;
using Marten;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Tourism.Tests;

/// <summary>Seats held like stock, through Tourism's contract as checkout asks for them, on a real PostgreSQL.</summary>
public sealed class SeatReservationTests(TourismApp app) : IClassFixture<TourismApp>
{
    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private async Task<Guid> SlotAsync(int capacity, int days = 10, int cutoffHours = 12)
    {
        var coop = await app.Market.NewCooperativeAsync();
        var experience = (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences", ExperienceTests.Workshop())).Json())["id"];
        return (await (await (await coop.Owner.Client.PostJson($"/api/cooperatives/{coop.Id}/experiences/{experience}/slots", new
        {
            startsAt = DateTimeOffset.UtcNow.AddDays(days).ToString("yyyy-MM-dd'T'HH:mm:ssK"), capacity, cutoffHours,
        })).ShouldHaveStatus(201)).Json())["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task Forty_concurrent_checkouts_for_ten_seats_hold_exactly_ten()
    {
        var slot = await SlotAsync(capacity: 10);
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            SendAsync(new ReserveSeatsForCheckout(Guid.NewGuid(), [new SeatLine(slot, 1)], $"request-{i}"))));

        answers.Count(a => a.Succeeded).Should().Be(10);
        answers.Where(a => !a.Succeeded).Should().OnlyContain(a => a.Shortages.Single().Reason == "not_enough_seats");
        var shown = await (await app.Anonymous().GetAsync($"/api/experiences/{answers[0].Slots.Single().ExperienceId}")).Json();
        shown["slots"]![0]!["seatsLeft"]!.GetValue<int>().Should().Be(0);
        await using var session = app.Services.GetRequiredService<ITourismStore>().QuerySession();
        (await session.Events.FetchStreamAsync(slot)).Count(e => e.Data is SeatsReserved).Should().Be(10);
    }

    [Fact]
    public async Task A_retried_checkout_holds_its_seats_once_and_another_request_with_its_order_holds_none()
    {
        var slot = await SlotAsync(capacity: 6);
        var order = Guid.NewGuid();
        var first = await SendAsync(new ReserveSeatsForCheckout(order, [new SeatLine(slot, 4)], "same"));
        var retries = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => SendAsync(new ReserveSeatsForCheckout(order, [new SeatLine(slot, 4)], "same"))));
        var other = await SendAsync(new ReserveSeatsForCheckout(order, [new SeatLine(slot, 2)], "another"));

        first.Succeeded.Should().BeTrue();
        retries.Should().OnlyContain(r => r.Succeeded);
        (other.Succeeded, other.ReservedForAnotherRequest).Should().Be((false, true));
        var answer = (await SendAsync(new ReserveSeatsForCheckout(Guid.NewGuid(), [new SeatLine(slot, 3)], "x"))).Shortages.Single();
        (answer.Available, answer.Reason).Should().Be((2, "not_enough_seats"));
        first.Slots.Single().Should().Match<CheckoutSlot>(s => s.PricePerPerson == 250m && s.Cancellation == "72h" && s.Title["fr"] == "Atelier d'huile d'argan");
    }

    [Fact]
    public async Task Seats_are_not_held_past_the_cutoff_nor_for_an_unknown_slot_and_a_refusal_holds_nothing()
    {
        var soon = await SlotAsync(capacity: 10, days: 1, cutoffHours: 48);
        var open = await SlotAsync(capacity: 10);
        var refused = await SendAsync(new ReserveSeatsForCheckout(Guid.NewGuid(), [new SeatLine(open, 2), new SeatLine(soon, 2), new SeatLine(Guid.NewGuid(), 1)], "r"));

        refused.Succeeded.Should().BeFalse();
        refused.Shortages.Select(s => s.Reason).Should().BeEquivalentTo(["booking_closed", "unknown"]);
        await using var session = app.Services.GetRequiredService<ITourismStore>().QuerySession();
        (await session.LoadAsync<Slot>(open))!.SeatsLeft.Should().Be(10, "all or none");
    }
}
