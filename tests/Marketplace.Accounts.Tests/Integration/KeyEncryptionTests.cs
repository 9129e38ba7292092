using Npgsql;

namespace Marketplace.Accounts.Tests.Integration;

/// <summary>
/// The keys kept in the database (the token signing key, the Data Protection keys of cookies) are encrypted with
/// Marketplace:Auth:KeyEncryptionKey: Hosts on one database, started one after the other as an operator would.
/// </summary>
public sealed class KeyEncryptionTests : IAsyncLifetime
{
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 5)).ToArray());
    private static readonly string OtherKey = Convert.ToBase64String(new byte[32]);
    private TestDatabase database = null!;

    private sealed class Node(TestDatabase database, string? keyEncryptionKey) : MarketplaceApp(database)
    {
        protected override void Configure(IDictionary<string, string?> settings) => settings["Marketplace:Auth:KeyEncryptionKey"] = keyEncryptionKey;
    }

    public async Task InitializeAsync() => database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<List<string>> StoredAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(reader.GetString(0));
        return values;
    }

    private Task<List<string>> SigningKeysAsync() => StoredAsync("select data->>'key' from accounts.mt_doc_signingkeydocument");
    private Task<List<string>> DataProtectionKeysAsync() => StoredAsync("select data->>'xml' from accounts.mt_doc_dataprotectionkeydocument");

    [Fact]
    public async Task Keys_stored_in_clear_are_encrypted_once_a_key_is_set_and_a_Host_without_it_or_with_another_refuses_to_start()
    {
        string token;
        await using (var plain = new Node(database, null))
        {
            await plain.InitializeAsync();
            token = (await plain.AdminAsync()).Client.DefaultRequestHeaders.Authorization!.Parameter!;
            await (await plain.Anonymous().GetAsync("/account/login")).ShouldHaveStatus(200); // a form: its antiforgery makes a key
            (await SigningKeysAsync()).Should().ContainSingle().Which.Should().NotStartWith("aes-256-gcm:");
            (await DataProtectionKeysAsync()).Should().NotBeEmpty().And.OnlyContain(xml => xml.Contains("<masterKey"));
        }

        await using (var encrypted = new Node(database, Key))
        {
            await encrypted.InitializeAsync();
            var client = encrypted.Anonymous();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            await (await client.GetAsync("/api/accounts/me")).ShouldHaveStatus(200); // the same signing key, only stored encrypted
            await (await encrypted.Anonymous().GetAsync("/account/login")).ShouldHaveStatus(200);

            (await SigningKeysAsync()).Should().ContainSingle().Which.Should().StartWith("aes-256-gcm:");
            (await DataProtectionKeysAsync()).Should().NotBeEmpty().And.OnlyContain(xml => xml.StartsWith("aes-256-gcm:") && !xml.Contains("masterKey"));
        }

        foreach (var (key, message) in new[] { (OtherKey, "*encrypted with another Marketplace:Auth:KeyEncryptionKey*"), ((string?)null, "*is encrypted: set Marketplace:Auth:KeyEncryptionKey*") })
        {
            await using var refused = new Node(database, key);
            var start = async () => await refused.InitializeAsync();
            (await start.Should().ThrowAsync<Exception>()).Where(e => MessagesOf(e).Any(m => Matches(m, message)));
        }
    }

    private static IEnumerable<string> MessagesOf(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e.Message;
    }

    private static bool Matches(string text, string pattern) => text.Contains(pattern.Trim('*'), StringComparison.Ordinal);
}
