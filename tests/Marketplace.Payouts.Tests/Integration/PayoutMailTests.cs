using System.Text;

namespace Marketplace.Payouts.Tests.Integration;

/// <summary>The platform sending its e-mails to the tests' mail server (smtp4dev), with Hangfire's server on to send them.</summary>
public sealed class PayoutsMailApp : PayoutsApp
{
    protected override bool RunsJobs => true;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        base.Configure(settings);
        Smtp4dev.SendMailHere(settings);
    }
}

/// <summary>The cooperative hears of its money leaving and coming back (API.md "Notifications": a payout sent or returned).</summary>
public sealed class PayoutMailTests(PayoutsMailApp app) : IClassFixture<PayoutsMailApp>
{
    [Fact]
    public async Task The_cooperative_is_told_when_its_payout_is_sent_and_again_when_the_bank_returns_it()
    {
        var admin = (await app.AdminAsync()).Client;
        var (coop, _, payout) = await BankTransferTests.PendingBankPayoutAsync(app, admin, "Mailed", 400m);
        var reference = payout["reference"]!.GetValue<string>();
        var id = payout["id"]!.GetValue<Guid>();

        await (await admin.PostJson($"/api/admin/payouts/{id}/mark-sent", new { bankReference = "BP-55120" })).ShouldHaveStatus(200);
        var sent = (await Smtp4dev.WaitForAsync(coop.Owner.Email, m => m.Subject.Contains(reference))).Single();
        sent.Subject.Should().Be($"Versement {reference} : 360.00 MAD envoyés");
        (await Smtp4dev.TextAsync(sent)).Should().Contain("virement bancaire").And.Contain($"/coop/{coop.Id}/balance");

        var statement = Encoding.UTF8.GetBytes($"date,reference,amount,counterparty\n2026-11-30,RETOUR {reference} COMPTE CLOS,360.00,Banque\n");
        (await (await (await ReconciliationTests.ImportAsync(admin, statement)).ShouldHaveStatus(200)).Json())["returned"]!.GetValue<int>().Should().Be(1);
        var returned = (await Smtp4dev.WaitForAsync(coop.Owner.Email, m => m.Subject.Contains("revenu"))).Single();
        returned.Subject.Should().Be($"Versement {reference} revenu : 360.00 MAD");
        (await Smtp4dev.TextAsync(returned)).Should().Contain("RETOUR").And.Contain($"/coop/{coop.Id}/payout-account");
        (await Smtp4dev.ToAsync(coop.Owner.Email)).Where(m => m.Subject.Contains(reference)).Should().HaveCount(2);
    }
}
