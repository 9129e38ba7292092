using System.Text;
using Marketplace.Reliability.Tests.Suite;
using Xunit.Abstractions;

namespace Marketplace.Reliability.Tests;

/// <summary>
/// Uploads that lie: product images that are HTML or scripts under an image content type, empty or oversized files,
/// bodies that claim to be multipart and are not; bank statements that are images, wrong CSV, invalid UTF-8, oversized.
/// Each is refused with a problem and stores nothing; an accepted image is stored under the type its bytes show.
/// </summary>
[Collection(SuiteCollection.Name)]
public sealed class UploadTests(SuiteApp app, ITestOutputHelper output)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];
    private static readonly byte[] Html = "<html><script>alert(document.cookie)</script></html>"u8.ToArray();

    public static IEnumerable<(string What, string Field, string FileName, string ContentType, byte[] Bytes)> LyingImages() =>
    [
        ("HTML as image/png", "file", "photo.png", "image/png", Html),
        ("SVG with a script", "file", "photo.svg", "image/svg+xml", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"u8.ToArray()),
        ("a script as image/jpeg", "file", "photo.jpg", "image/jpeg", "var x = 1; fetch('/api/accounts/me')"u8.ToArray()),
        ("an empty file", "file", "photo.png", "image/png", []),
        ("a PNG over 5 MB", "file", "big.png", "image/png", [.. Png, .. new byte[5 * 1024 * 1024]]),
        ("over the 6 MB upload limit", "file", "huge.png", "image/png", [.. Png, .. new byte[7 * 1024 * 1024]]),
        ("a CSV as image/png", "file", "photo.png", "image/png", "date,reference,amount\n"u8.ToArray()),
        ("invalid UTF-8 named as PNG", "file", "\u202Egnp.exe", "image/png", [0xFF, 0xFE, 0xC3, 0x28]),
    ];

    public static IEnumerable<(string What, string Field, string ContentType, byte[] Bytes)> LyingStatements() =>
    [
        ("a PNG as text/csv", "file", "text/csv", Png),
        ("a CSV without the header", "file", "text/csv", "2026-11-01,VIR X,-10.00,Somebody\n"u8.ToArray()),
        ("a CSV with another header", "file", "text/csv", "when,what,how much\n2026-11-01,x,1\n"u8.ToArray()),
        ("invalid UTF-8", "file", "text/csv", [.. "date,reference,amount,counterparty\n"u8.ToArray(), 0xFF, 0xFE, 0xC3, 0x28, (byte)'\n']),
        ("amounts that are not numbers", "file", "text/csv", "date,reference,amount,counterparty\n2026-11-01,VIR X,'; drop table payouts.mt_events; --,x\n"u8.ToArray()),
        ("an unclosed quote", "file", "text/csv", "date,reference,amount,counterparty\n2026-11-01,\"VIR X,-10.00,x\n"u8.ToArray()),
        ("over the 6 MB upload limit", "file", "text/csv", Encoding.UTF8.GetBytes("date,reference,amount,counterparty\n" + new string('x', 7 * 1024 * 1024))),
        ("in another field", "statement", "text/csv", "date,reference,amount,counterparty\n"u8.ToArray()),
        ("an empty file", "file", "text/csv", []),
    ];

    [Fact]
    public async Task Given_uploads_with_lying_content_types_and_oversized_bodies_Then_problems_and_nothing_stored()
    {
        var world = await app.NewWorldAsync();
        var imagesUrl = $"/api/cooperatives/{world.CoopA.Id}/products/{world.DraftProduct}/images";
        var failures = new List<string>();
        var before = await app.Snapshot.QuietAsync();
        var checkedCount = 0;

        async Task Refused(string what, HttpClient client, HttpRequestMessage request)
        {
            using var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            checkedCount++;
            if (status is < 400 or >= 500) failures.Add($"{what}: {status} {await response.Content.ReadAsStringAsync()}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") failures.Add($"{what}: {status} without problem details");
            var changes = StateSnapshot.Changes(before, await app.Snapshot.TakeAsync());
            if (changes.Count > 0) failures.Add($"{what} was refused ({status}) but changed: {string.Join("; ", changes)}");
        }

        foreach (var (what, field, name, type, bytes) in LyingImages())
            await Refused($"image: {what}", world.StaffA.Client, Requests.Upload(imagesUrl, field, name, type, bytes));
        await Refused("image: JSON instead of multipart", world.StaffA.Client, Requests.Json("POST", imagesUrl, new { file = Convert.ToBase64String(Png) }));
        await Refused("image: multipart that is not", world.StaffA.Client, new HttpRequestMessage(HttpMethod.Post, imagesUrl)
            { Content = Raw("multipart/form-data; boundary=xyz", Html) });
        await Refused("image: by the staff of another cooperative", world.StaffB.Client, Requests.Upload(imagesUrl, "file", "p.png", "image/png", Png));
        foreach (var (what, field, type, bytes) in LyingStatements())
            await Refused($"statement: {what}", world.Admin.Client, Requests.Upload("/api/admin/reconciliation/bank-statements", field, "statement.csv", type, bytes));
        await Refused("statement: multipart that is not", world.Admin.Client, new HttpRequestMessage(HttpMethod.Post, "/api/admin/reconciliation/bank-statements")
            { Content = Raw("multipart/form-data; boundary=----x", "date,reference,amount,counterparty\n"u8.ToArray()) });
        await Refused("statement: by a shopper", world.Shopper1.Client, Requests.Upload("/api/admin/reconciliation/bank-statements", "file", "s.csv", "text/csv",
            "date,reference,amount,counterparty\n"u8.ToArray()));

        // A real PNG sent as text/html is accepted as what its bytes are, and served as such, never sniffed as HTML.
        using var accepted = await world.StaffA.Client.SendAsync(Requests.Upload(imagesUrl, "file", "page.html", "text/html", [.. Png, .. Html]));
        if ((int)accepted.StatusCode is 200 or 201)
        {
            var image = await accepted.Json();
            using var served = await world.StaffA.Client.GetAsync(image["url"]!.GetValue<string>()); // a draft's image: its staff see it
            served.Content.Headers.ContentType?.MediaType.Should().Be("image/png");
            served.Headers.GetValues("X-Content-Type-Options").Should().Contain("nosniff");
        }
        else await accepted.ShouldBeProblem(400);

        output.WriteLine($"{checkedCount} lying or oversized uploads refused with problems, none stored");
        failures.Should().BeEmpty();
    }

    private static ByteArrayContent Raw(string contentType, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
