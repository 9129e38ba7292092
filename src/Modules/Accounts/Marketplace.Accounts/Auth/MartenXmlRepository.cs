using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Marketplace.Accounts.Auth;

internal sealed record DataProtectionKeyDocument(string Id, string Xml);

/// <summary>
/// ASP.NET Core's data-protection keys (cookies, antiforgery) in PostgreSQL, so that every Host reads every cookie; each
/// key's XML is stored encrypted (<see cref="KeyEncryption"/>), and one stored before encryption was set is written again.
/// </summary>
internal sealed class MartenXmlRepository(IAccountsStore store, KeyEncryption encryption) : IXmlRepository
{
    private const string What = "Data Protection key";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // The data-protection API is synchronous; Marten 9 is asynchronous only. Called rarely (key ring refresh).
        using var session = store.LightweightSession();
        var documents = session.Query<DataProtectionKeyDocument>().ToListAsync().GetAwaiter().GetResult();
        var plain = documents.Select(d => encryption.Unprotect(d.Xml, What)).ToList();
        var unencrypted = documents.Where(d => encryption.Enabled && !KeyEncryption.IsEncrypted(d.Xml)).ToList();
        if (unencrypted.Count > 0)
        {
            foreach (var d in unencrypted) session.Store(d with { Xml = encryption.Protect(d.Xml) });
            session.SaveChangesAsync().GetAwaiter().GetResult();
        }
        return plain.Select(xml => XElement.Parse(xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKeyDocument(friendlyName, encryption.Protect(element.ToString(SaveOptions.DisableFormatting))));
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
