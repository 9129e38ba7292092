using Marketplace.BuildingBlocks;
using Marketplace.Orders.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Orders.Tests.Integration;

/// <summary>The programme's sales report (GetSalesReport), asked through the mediator as the administration's dashboard does.</summary>
[Collection(OrdersCollection.Name)]
public sealed class SalesReportTests(OrdersApp app)
{
    private static readonly DateOnly Today =
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Africa/Casablanca")).DateTime);

    private async Task<SalesReport> ReportAsync(DateOnly from, DateOnly to, string granularity, string language = "fr")
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new GetSalesReport(from, to, granularity, language));
    }

    [Fact]
    public async Task Given_firm_cancelled_and_unpaid_orders_When_reporting_today_Then_only_the_firm_items_count_by_cooperative_category_and_province()
    {
        var (atlas, oasis) = (await app.Market.NewCooperativeAsync(flatFee: 30m), await app.Market.NewCooperativeAsync());
        var (oil, dates) = (await app.Market.NewProductAsync(atlas, 100.00m, 50), await app.Market.NewProductAsync(oasis, 45.50m, 50));
        var before = await ReportAsync(Today.AddDays(-6), Today, "day");
        var shopper = await app.NewShopperAsync();

        await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 2), (dates, 1)));
        var cancelled = await shopper.Client.PlaceAsync(Shop.Cart("cash_on_delivery", (oil, 5)));
        await (await shopper.Client.PostJson($"/api/orders/{cancelled.Id()}/cancel")).ShouldHaveStatus(200);
        await shopper.Client.PlaceAsync(Shop.Cart("card", (dates, 3)));

        var report = await ReportAsync(Today.AddDays(-6), Today, "day", "ar");
        report.Periods.Should().HaveCount(7).And.StartWith(Today.AddDays(-6)).And.EndWith(Today);
        report.Currency.Should().Be("MAD");
        report.Total.Should().Be(before.Total + 245.50m, "items only: no delivery fee, no cancelled or unpaid order");
        report.SubOrders.Should().Be(before.SubOrders + 2);
        var atlasSales = report.ByCooperative.Single(s => s.Key == atlas.Id.ToString());
        atlasSales.Amounts.Should().Equal(0m, 0m, 0m, 0m, 0m, 0m, 200.00m);
        atlasSales.Name.Should().StartWith("تعاونية", "names come in the asked language");
        report.ByCooperative.Single(s => s.Key == oasis.Id.ToString()).Total.Should().Be(45.50m);
        var category = report.ByCategory.Single(s => s.Key == "argan-culinary-oil");
        category.Name.Should().Be("زيت الأركان الغذائي");
        category.Total.Should().Be((before.ByCategory.SingleOrDefault(s => s.Key == "argan-culinary-oil")?.Total ?? 0m) + 245.50m);
        report.ByProvince.Select(p => p.Key).Should().Equal(Provinces.All.Select(p => p.Code));
        report.ByProvince.Single(p => p.Key == "taroudant").Total.Should().Be(before.ByProvince.Single(p => p.Key == "taroudant").Total + 245.50m);

        var monthly = await ReportAsync(Today.AddMonths(-2), Today, "month");
        monthly.Periods.Should().HaveCount(3).And.OnlyContain(p => p.Day == 1);
        monthly.ByCooperative.Single(s => s.Key == atlas.Id.ToString()).Amounts[^1].Should().Be(200.00m);
        (await ReportAsync(Today.AddDays(-30), Today.AddDays(-7), "week")).ByCooperative.Should().NotContain(s => s.Key == atlas.Id.ToString());
    }

    [Fact]
    public async Task Given_bad_ranges_When_reporting_Then_field_errors()
    {
        var backwards = await FluentActions.Awaiting(() => ReportAsync(Today, Today.AddDays(-1), "day")).Should().ThrowAsync<ValidationFailed>();
        backwards.Which.Errors.Keys.Should().Equal("to");
        var unknown = await FluentActions.Awaiting(() => ReportAsync(Today.AddDays(-1), Today, "year")).Should().ThrowAsync<ValidationFailed>();
        unknown.Which.Errors.Keys.Should().Equal("granularity");
        var tooLong = await FluentActions.Awaiting(() => ReportAsync(Today.AddYears(-3), Today, "day")).Should().ThrowAsync<ValidationFailed>();
        tooLong.Which.Errors.Keys.Should().Equal("to");
        (await ReportAsync(Today.AddYears(-3), Today, "month")).Periods.Should().HaveCount(37);
    }
}
