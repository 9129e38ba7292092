using System.Text;
using Marketplace.BuildingBlocks;
using Marketplace.Payouts.Reconciliation;

namespace Marketplace.Payouts.Tests.Unit;

public sealed class BankStatementCsvTests
{
    private static byte[] Utf8(string text, bool bom = false) =>
        (bom ? Encoding.UTF8.Preamble.ToArray() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    [Fact]
    public void Given_a_statement_When_parsed_Then_every_line_is_read_with_its_line_number()
    {
        var lines = BankStatementCsv.Parse(Utf8(
            "date,reference,amount,counterparty\r\n2026-11-30,VIR PO-2026-W48-0001,-1250.00,\"Coopérative Tifaout, Taroudant\"\r\n\r\n01/12/2026,Frais,-7.5,Banque\r\n", bom: true));

        lines.Should().BeEquivalentTo([
            new ParsedLine(2, new DateOnly(2026, 11, 30), "VIR PO-2026-W48-0001", -1250.00m, "Coopérative Tifaout, Taroudant"),
            new ParsedLine(4, new DateOnly(2026, 12, 1), "Frais", -7.5m, "Banque"),
        ]);
    }

    [Fact]
    public void Given_only_a_header_When_parsed_Then_there_is_no_line() =>
        BankStatementCsv.Parse(Utf8("date,reference,amount,counterparty\n")).Should().BeEmpty();

    [Theory]
    [InlineData("", "Line 1")]
    [InlineData("date;reference;amount;counterparty\n2026-11-30;x;-1;y\n", "Line 1")]
    [InlineData("date,ref,amount,counterparty\n", "Line 1")]
    [InlineData("date,reference,amount,counterparty\n2026-11-30,a,-1,b\n2026-11-31,a,-1,b\n", "Line 3")]
    [InlineData("date,reference,amount,counterparty\n2026-11-30,a,-1,b\n2026-11-30,a,1 250,00,b\n", "Line 3")]
    [InlineData("date,reference,amount,counterparty\n2026-11-30,a,-12.345,b\n", "Line 2")]
    [InlineData("date,reference,amount,counterparty\n2026-11-30,a,abc,b\n", "Line 2")]
    [InlineData("date,reference,amount,counterparty\n2026-11-30,a,-1\n", "Line 2")]
    [InlineData("date,reference,amount,counterparty\n2026-11-30,a,-1,b\n2026-11-30,\"a\"x,-1,b\n", "Line 3")]
    public void Given_a_malformed_statement_When_parsed_Then_it_is_refused_with_the_line_number(string text, string line) =>
        FluentActions.Invoking(() => BankStatementCsv.Parse(Utf8(text))).Should().Throw<ValidationFailed>()
            .Which.Errors["file"].Single().Should().StartWith(line + ":");

    [Fact]
    public void Given_a_statement_that_is_not_utf8_When_parsed_Then_it_is_refused_with_the_line_of_the_bad_bytes()
    {
        var latin1 = Encoding.Latin1.GetBytes("date,reference,amount,counterparty\n2026-11-30,a,-1,b\n2026-11-30,a,-1,Coopérative\n");

        FluentActions.Invoking(() => BankStatementCsv.Parse(latin1)).Should().Throw<ValidationFailed>()
            .Which.Errors["file"].Single().Should().StartWith("Line 3:").And.Contain("UTF-8");
    }
}
