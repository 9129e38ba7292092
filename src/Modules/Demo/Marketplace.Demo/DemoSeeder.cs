using System.Diagnostics;
using Marketplace.Accounts.Contracts;
using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Contracts;
using Marketplace.Cooperatives.Contracts;
using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Marketplace.Demo;

/// <summary>What a seeding run did. <paramref name="AlreadySeeded"/>: the marker was there, nothing was looked at further.</summary>
internal sealed record DemoSeedReport(bool AlreadySeeded, int Cooperatives, int CooperativesAdded, int Products, int ProductsAdded,
    string? AccountsFile);

/// <summary>
/// Loads the demo cooperatives, products and accounts through the modules' public commands (the API's own rules),
/// idempotently. <see cref="SeedAsync"/> holds a database lock (a second Host waits, then finds the data) and first
/// checks one marker: the last product of the last cooperative, published. It is written last, so when it is there
/// everything is; starting again then costs two queries. Otherwise <see cref="LoadAsync"/> makes whatever is missing:
/// each step first asks whether its result exists (user by e-mail, cooperative by registration number, product by sku)
/// and takes "already there" answers of a racing writer as success.
/// </summary>
internal sealed class DemoSeeder(IMediator mediator, NpgsqlDataSource database, IConfiguration config, DemoMembers members,
    DemoCertificates certificates, DemoFair fair, DemoExperiences experiences, DemoOrders orders, ILogger<DemoSeeder> logger)
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);

    public async Task<DemoSeedReport> SeedAsync(Guid adminId, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        DemoSeedReport report;
        await using (var seedLock = await DemoSeedLock.AcquireAsync(database, LockWait, ct))
        {
            if (!seedLock.Held) logger.LogWarning("Another Host holds the demo seed lock for long: seeding without it");
            report = await IsCompleteAsync(ct)
                ? new DemoSeedReport(true, DemoCatalogue.Cooperatives, 0, DemoCatalogue.Products, 0, null)
                : await LoadAsync(adminId, ct);
            await members.EnsureAsync(ct); // also on data seeded before the members' economy existed
            await certificates.EnsureAsync(adminId, ct); // and before certificates stood behind labels
            await fair.EnsureAsync(adminId, ct); // and before the fair's exhibitors came onto the platform
            await experiences.EnsureAsync(ct); // and before the cooperatives hosted visits
            await orders.EnsureAsync(ct); // and before the shoppers reviewed what they received
        }
        report = report with { AccountsFile = await WriteAccountsFileAsync(ct) };
        logger.LogInformation("Demo data in {Elapsed} ms: {Cooperatives} cooperatives ({CooperativesAdded} new), {Products} products ({ProductsAdded} new){Skipped}",
            clock.ElapsedMilliseconds, report.Cooperatives, report.CooperativesAdded, report.Products, report.ProductsAdded,
            report.AlreadySeeded ? ", already there" : "");
        return report;
    }

    /// <summary>The marker: the last product of the last cooperative exists and is published.</summary>
    public async Task<bool> IsCompleteAsync(CancellationToken ct)
    {
        var (index, cooperative) = (DemoCatalogue.All.Count - 1, DemoCatalogue.All[^1]);
        if (await mediator.Send(new FindCooperativeByRegistrationNumber(DemoCatalogue.RegistrationNumber(index)), ct) is not { } id) return false;
        var last = DemoCatalogue.ProductsOf(cooperative).Last();
        return await mediator.Send(new FindProductBySku(id, last.Sku), ct) is { Status: ProductStatus.Published };
    }

    /// <summary>Makes whatever is missing, in order (accounts, then each cooperative: applied, verified, its products listed and published).</summary>
    public async Task<DemoSeedReport> LoadAsync(Guid adminId, CancellationToken ct)
    {
        await mediator.Send(new EnsureUser(DemoAccounts.ShopperEmail, DemoAccounts.ShopperPassword, DemoAccounts.ShopperName), ct);
        int cooperativesAdded = 0, products = 0, productsAdded = 0;
        for (var i = 0; i < DemoCatalogue.All.Count; i++)
        {
            var demo = DemoCatalogue.All[i];
            var ownerId = await mediator.Send(i == 0
                ? new EnsureUser(DemoAccounts.OwnerEmail, DemoAccounts.OwnerPassword, DemoAccounts.OwnerName)
                : new EnsureUser(DemoAccounts.OwnerEmailOf(demo, i), DemoCatalogue.UnknownPassword(), demo.NameFr), ct);
            var (cooperativeId, added) = await EnsureCooperativeAsync(i, demo, ownerId, adminId, ct);
            if (added) cooperativesAdded++;
            foreach (var product in DemoCatalogue.ProductsOf(demo))
            {
                products++;
                if (await EnsureProductAsync(DemoCatalogue.Listing(i, demo, product, cooperativeId, ownerId), ct)) productsAdded++;
            }
        }
        return new DemoSeedReport(false, DemoCatalogue.All.Count, cooperativesAdded, products, productsAdded, null);
    }

    private async Task<(Guid Id, bool Added)> EnsureCooperativeAsync(int index, DemoCooperative demo, Guid ownerId, Guid adminId, CancellationToken ct)
    {
        var number = DemoCatalogue.RegistrationNumber(index);
        var id = await mediator.Send(new FindCooperativeByRegistrationNumber(number), ct);
        var added = false;
        if (id is null)
        {
            try
            {
                id = await mediator.Send(DemoCatalogue.Application(index, demo, ownerId), ct);
                added = true;
            }
            catch (DomainRuleViolated e) when (e.Code == "registration_number_taken") // applied at the same moment
            {
                id = await mediator.Send(new FindCooperativeByRegistrationNumber(number), ct);
            }
        }
        var access = await mediator.Send(new GetCooperativeAccess(id!.Value, ownerId), ct);
        if (access?.Status == CooperativeStatus.Pending)
        {
            try { await mediator.Send(new VerifyCooperative(id.Value, adminId), ct); }
            catch (DomainRuleViolated e) when (e.Code == "illegal_status_change") { /* verified at the same moment */ }
        }
        // Their invoices need a tax identity: every demo cooperative has one but the last, which shows what happens without it.
        if (index < DemoCatalogue.All.Count - 1 && await mediator.Send(new GetTaxIdentity(id.Value), ct) is null)
            await mediator.Send(DemoCatalogue.TaxIdentity(index, demo, id.Value, ownerId), ct);
        return (id.Value, added);
    }

    /// <summary>Lists the product if its sku is not there yet, and publishes it when it is a draft. Answers whether it was listed now.</summary>
    private async Task<bool> EnsureProductAsync(CreateProduct listing, CancellationToken ct)
    {
        var (cooperativeId, ownerId) = (listing.CooperativeId, listing.ActingUserId);
        var existing = await mediator.Send(new FindProductBySku(cooperativeId, listing.Sku!), ct);
        var added = false;
        if (existing is null)
        {
            try
            {
                existing = new ProductState(await mediator.Send(listing, ct), ProductStatus.Draft, 1, listing.Stock!.Value, listing.Stock.Value);
                added = true;
            }
            catch (DomainRuleViolated e) when (e.Code == "sku_taken") // listed at the same moment
            {
                existing = (await mediator.Send(new FindProductBySku(cooperativeId, listing.Sku!), ct))!;
            }
        }
        if (existing.Status == ProductStatus.Draft) await mediator.Send(new PublishProduct(cooperativeId, existing.Id, ownerId), ct);
        return added;
    }

    private async Task<string?> WriteAccountsFileAsync(CancellationToken ct)
    {
        try { return await DemoAccounts.WriteAsync(config, ct); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "The demo accounts file could not be written");
            return null;
        }
    }
}
