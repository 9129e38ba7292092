using Marketplace.Programme.Fairs;

namespace Marketplace.Programme.Tests;

public sealed class QrDecoderTests
{
    [Fact]
    public void Every_stand_code_reads_back_as_its_address()
    {
        var failures = new List<string>();
        for (var i = 0; i < 1000; i++)
        {
            var url = i % 2 == 0 ? $"http://localhost/invitations/{Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')}"
                : $"http://localhost/cooperatives/{Guid.CreateVersion7()}";
            try { if (QrDecoder.Decode(FairEndpoints.QrPng(url)) != url) failures.Add(url); }
            catch (Exception e) { failures.Add(url + " " + e.Message); }
        }
        failures.Should().BeEmpty();
    }
}
