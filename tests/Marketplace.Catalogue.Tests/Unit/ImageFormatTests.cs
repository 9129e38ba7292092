using Marketplace.BuildingBlocks;
using Marketplace.Catalogue.Images;

namespace Marketplace.Catalogue.Tests.Unit;

public sealed class ImageFormatTests
{
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1];
    public static readonly byte[] Webp = [.. "RIFF"u8, 36, 0, 0, 0, .. "WEBPVP8 "u8];

    [Fact]
    public void Images_are_recognised_by_their_first_bytes()
    {
        ImageFormats.Sniff(Png)!.Value.ContentType.Should().Be("image/png");
        ImageFormats.Sniff(Jpeg)!.Value.ContentType.Should().Be("image/jpeg");
        ImageFormats.Sniff(Webp)!.Value.ContentType.Should().Be("image/webp");
    }

    [Theory]
    [InlineData("GIF89a......")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("%PDF-1.7")]
    [InlineData("RIFF....WAVE")]
    [InlineData("")]
    public void Other_files_are_not_images_whatever_their_name(string content) =>
        ImageFormats.Sniff(System.Text.Encoding.ASCII.GetBytes(content)).Should().BeNull();
}
