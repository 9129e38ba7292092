using System.Text;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Contracts;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>What the administration pages ask of Payouts (Contracts/AdminPayouts.cs), through the mediator as the pages do.</summary>
[Collection(PayoutsCollection.Name)]
public sealed class AdminContractTests(PayoutsApp app)
{
    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    [Fact]
    public async Task Given_a_run_with_a_bank_transfer_When_the_administration_reads_sends_and_lists_it_Then_the_contract_says_what_the_api_says()
    {
        var admin = await app.AdminAsync();
        var (coop, rib, json) = await BankTransferTests.PendingBankPayoutAsync(app, admin.Client, "Contrat", 700m);
        var (id, reference, period) = (json["id"]!.GetValue<Guid>(), json["reference"]!.GetValue<string>(), json["periodEnd"]?.GetValue<string>());

        var pending = await SendAsync(new ListPayoutsForAdmin("pending", coop.Id));
        var payout = pending.Items.Should().ContainSingle().Which;
        payout.Should().Match<AdminPayout>(p => p.Id == id && p.Reference == reference && p.Amount == 630.00m && p.Currency == "MAD"
            && p.Method == "bank_transfer" && p.Status == "pending" && p.BankReference == null);
        if (period is not null) payout.PeriodEnd.Should().Be(period);

        var runs = await SendAsync(new ListPayoutRunsForAdmin(PageSize: 100));
        var ofWeek = runs.Items.Where(r => r.PeriodEnd == payout.PeriodEnd && r.Created >= 1).ToList();
        ofWeek.Should().NotBeEmpty();
        AdminPayoutRun? run = null;
        foreach (var item in ofWeek)
            if ((await SendAsync(new GetPayoutRunForAdmin(item.Id))) is { } r && r.Created.Contains(id)) run = r;
        run.Should().NotBeNull("the run that created the payout lists it");
        run!.Payouts.Should().ContainSingle(p => p.Id == id).Which.Amount.Should().Be(630.00m);
        await FluentActions.Awaiting(() => SendAsync(new GetPayoutRunForAdmin(Guid.NewGuid()))).Should().ThrowAsync<NotFound>();

        var made = await SendAsync(new CreateBankBatchForAdmin(admin.Id));
        made.Payouts.Select(p => p.Id).Should().Contain(id);
        var batch = Encoding.UTF8.GetString((await SendAsync(new GetBankBatchFileForAdmin(made.Id))).Content);
        batch.Should().Contain($"{rib},630.00,MAD,{reference},{coop.Name}");

        var blank = await FluentActions.Awaiting(() => SendAsync(new MarkPayoutSentByAdmin(id, "  ", admin.Id))).Should().ThrowAsync<ValidationFailed>();
        blank.Which.Errors.Keys.Should().Equal("bankReference");
        var sent = await SendAsync(new MarkPayoutSentByAdmin(id, " VIR-778812 ", admin.Id));
        sent.Should().Match<AdminPayout>(p => p.Status == "sent" && p.BankReference == "VIR-778812" && p.SentAt != null);
        var again = await FluentActions.Awaiting(() => SendAsync(new MarkPayoutSentByAdmin(id, "VIR-000001", admin.Id))).Should().ThrowAsync<DomainRuleViolated>();
        again.Which.Code.Should().Be("payout_not_pending");
        (await SendAsync(new ListPayoutsForAdmin("sent", coop.Id))).Items.Select(p => p.Id).Should().Equal(id);
        var unknown = await FluentActions.Awaiting(() => SendAsync(new ListPayoutsForAdmin("closed"))).Should().ThrowAsync<ValidationFailed>();
        unknown.Which.Errors.Keys.Should().Equal("status");

        var noReason = await FluentActions.Awaiting(() => SendAsync(new MarkPayoutFailedByAdmin(id, " ", admin.Id))).Should().ThrowAsync<ValidationFailed>();
        noReason.Which.Errors.Keys.Should().Equal("reason");
        var returned = await SendAsync(new MarkPayoutFailedByAdmin(id, "Compte clôturé", admin.Id));
        returned.Should().Match<AdminPayout>(p => p.Status == "failed" && p.FailureReason == "Compte clôturé");
        (await coop.Owner.Client.BalanceAsync(coop.Id)).Available.Should().Be(630.00m, "the money is back in the cooperative's balance");
        var twice = await FluentActions.Awaiting(() => SendAsync(new MarkPayoutFailedByAdmin(id, "Encore", admin.Id))).Should().ThrowAsync<DomainRuleViolated>();
        twice.Which.Code.Should().Be("payout_not_returnable");
    }

    [Fact]
    public async Task Given_a_sent_transfer_When_a_statement_is_imported_Then_its_line_reconciles_it_and_a_stranger_line_is_reported()
    {
        var admin = await app.AdminAsync();
        var (coop, _, json) = await BankTransferTests.PendingBankPayoutAsync(app, admin.Client, "Releve", 300m);
        var (id, reference) = (json["id"]!.GetValue<Guid>(), json["reference"]!.GetValue<string>());
        await SendAsync(new MarkPayoutSentByAdmin(id, "VIR-4410", admin.Id));
        var stranger = $"PRLV ASSURANCE {Guid.NewGuid():N}"[..30];
        var file = Encoding.UTF8.GetBytes($"date,reference,amount,counterparty\n2026-11-02,VIR {reference},-270.00,{coop.Name}\n2026-11-02,{stranger},-99.90,WAFA\n");

        var import = await SendAsync(new ImportBankStatementForAdmin(file));
        import.Should().Match<BankStatementImport>(i => i.Matched == 1 && i.Imported == 2 && i.AlreadyImported == 0);
        import.Unmatched.Should().ContainSingle().Which.Should().Match<AdminStatementLine>(l => l.Reference == stranger && l.Amount == -99.90m && l.Line == 3);
        (await SendAsync(new ListPayoutsForAdmin("reconciled", coop.Id))).Items.Select(p => p.Id).Should().Equal(id);
        var report = await SendAsync(new GetReconciliationForAdmin());
        report.UnmatchedLines.Should().Contain(l => l.Reference == stranger).And.NotContain(l => l.Reference.Contains(reference));
        (await SendAsync(new ImportBankStatementForAdmin(file))).AlreadyImported.Should().Be(2);

        var bad = await FluentActions.Awaiting(() => SendAsync(new ImportBankStatementForAdmin(Encoding.UTF8.GetBytes("date,reference,amount,counterparty\nhier,X,1,Y\n"))))
            .Should().ThrowAsync<ValidationFailed>();
        bad.Which.Errors["file"].Single().Should().StartWith("Line 2:");
    }

    [Fact]
    public async Task Given_rates_in_force_When_the_administration_sets_them_again_or_out_of_range_Then_the_history_grows_or_field_errors()
    {
        var admin = await app.AdminAsync();
        var before = await SendAsync(new GetCommissionRatesForAdmin());
        var set = await SendAsync(new ChangeCommissionRates(before.DefaultRate, before.CategoryRates, admin.Id));
        set.DefaultRate.Should().Be(before.DefaultRate);
        var after = await SendAsync(new GetCommissionRatesForAdmin());
        after.History.Should().HaveCount(before.History.Count + 1);
        after.History[0].EffectiveFrom.Should().Be(set.EffectiveFrom);
        after.EffectiveFrom.Should().Be(set.EffectiveFrom);

        var tooHigh = await FluentActions.Awaiting(() => SendAsync(new ChangeCommissionRates(0.6m, null, admin.Id))).Should().ThrowAsync<ValidationFailed>();
        tooHigh.Which.Errors.Keys.Should().Equal("defaultRate");
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        var refused = await FluentActions.Awaiting(() => SendAsync(new RunPayoutsForPeriod(future, admin.Id))).Should().ThrowAsync<ValidationFailed>();
        refused.Which.Errors.Keys.Should().Equal("periodEnd");
    }
}
