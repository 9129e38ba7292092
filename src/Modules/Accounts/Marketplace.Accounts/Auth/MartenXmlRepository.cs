using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Marketplace.Accounts.Auth;

internal sealed record DataProtectionKeyDocument(string Id, string Xml);

/// <summary>ASP.NET Core's data-protection keys (cookies, antiforgery) in PostgreSQL, so that every Host reads every cookie.</summary>
internal sealed class MartenXmlRepository(IAccountsStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        // The data-protection API is synchronous; Marten 9 is asynchronous only. Called rarely (key ring refresh).
        var documents = session.Query<DataProtectionKeyDocument>().ToListAsync().GetAwaiter().GetResult();
        return documents.Select(d => XElement.Parse(d.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKeyDocument(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
