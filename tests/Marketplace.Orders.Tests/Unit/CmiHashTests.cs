using Marketplace.Orders.Payments.Cmi;

namespace Marketplace.Orders.Tests.Unit;

/// <summary>
/// CMI's ver3 hash against vectors computed by hand from API.md's description (sorted by name ignoring case, hash and
/// encoding left out, '\' and '|' escaped, the store key appended, base64 of SHA-512): the text hashed is written out.
/// </summary>
public sealed class CmiHashTests
{
    [Fact]
    public void Given_a_form_of_the_hosted_payment_Then_its_hash_is_the_one_computed_by_hand()
    {
        KeyValuePair<string, string>[] form =
        [
            new("clientid", "600000001"), new("amount", "265.00"), new("oid", "SM-2026-000042"), new("okUrl", "https://souss.example/ok"),
            new("failUrl", "https://souss.example/fail"), new("TranType", "PreAuth"), new("currency", "504"), new("rnd", "a1b2c3"),
            new("storetype", "3D_PAY_HOSTING"), new("hashAlgorithm", "ver3"), new("lang", "fr"), new("encoding", "UTF-8"),
        ];
        // hashed: 265.00|600000001|504|https://souss.example/fail|ver3|fr|SM-2026-000042|https://souss.example/ok|a1b2c3|3D_PAY_HOSTING|PreAuth|SKEY00123
        CmiHash.Of(form, "SKEY00123").Should().Be("hhMey31YkTv08MV3W6NKpWY6I8qV77rlpd0pXevaNqTDqUHwTvd4TRWFymKf5ixEVnQFjv5qtwr2wpOkByPhdA==");
    }

    [Fact]
    public void Given_values_and_a_store_key_with_pipes_and_backslashes_Then_they_are_escaped_and_HASH_and_ENCODING_are_left_out()
    {
        KeyValuePair<string, string>[] callback =
        [
            new("clientid", "600000001"), new("amount", "10.50"), new("oid", "A|B\\C"), new("BillToName", "Fatima | Aït \\ Lahcen"), new("rnd", "x"),
            new("HASH", "ignored"), new("ENCODING", "UTF-8"),
        ];
        // hashed: 10.50|Fatima \| Aït \\ Lahcen|600000001|A\|B\\C|x|key\|with\\pipes
        CmiHash.Of(callback, "key|with\\pipes").Should().Be("00J9kutkQeHZwWZ+iBvIO1fxqkDEYIlbATeK7h1V431GV3O8Ob8E5tGtXHFWcZGUDnYZ63MaLLN1NxwTKqhmwA==");
    }

    [Fact]
    public void Given_a_callback_Then_it_verifies_only_with_its_own_hash_and_the_store_key()
    {
        var fields = new Dictionary<string, string> { ["oid"] = "SM-1", ["amount"] = "1.00", ["ProcReturnCode"] = "00" };
        fields["HASH"] = CmiHash.Of(fields, "k");
        CmiHash.Verifies(fields, "k").Should().BeTrue();
        CmiHash.Verifies(fields, "other").Should().BeFalse();
        CmiHash.Verifies(new Dictionary<string, string>(fields) { ["amount"] = "2.00" }, "k").Should().BeFalse("a field changed on the way");
        CmiHash.Verifies(new Dictionary<string, string> { ["oid"] = "SM-1" }, "k").Should().BeFalse("no hash at all");
    }
}
