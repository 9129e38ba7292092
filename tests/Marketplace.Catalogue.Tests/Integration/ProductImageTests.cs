using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.Catalogue.Tests.Unit;

namespace Marketplace.Catalogue.Tests.Integration;

/// <summary>Images over HTTP: multipart upload checked by content, list, order, delete, and files served with caching headers.</summary>
[Collection(CatalogueCollection.Name)]
public sealed class ProductImageTests(CatalogueApp app)
{
    private static MultipartFormDataContent Form(byte[] bytes, string fileName = "photo.png", string contentType = "image/png", string field = "file")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static byte[] Image(byte[] header, int size = 2048) => [.. header, .. Enumerable.Range(0, size).Select(i => (byte)(i * 31))];

    private static string Images(Cooperatives.TestCooperative c, Guid product) => $"/api/cooperatives/{c.Id}/products/{product}/images";

    private int StoredFiles() => Directory.Exists(app.FilesFolder) ? Directory.GetFiles(app.FilesFolder, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task Given_a_png_When_staff_upload_it_Then_it_is_listed_and_served_with_caching_headers()
    {
        var cooperative = await app.NewCooperativeAsync();
        var product = await cooperative.NewProductAsync();
        var png = Image(ImageFormatTests.Png);

        var uploaded = await cooperative.Owner.Client.PostAsync(Images(cooperative, product), Form(png, "argan.png"));

        var image = await (await uploaded.ShouldHaveStatus(201)).Json();
        var url = image["url"]!.GetValue<string>();
        image["contentType"]!.GetValue<string>().Should().Be("image/png");
        var listed = await (await app.Anonymous().GetAsync($"/api/products/{product}/images")).Json();
        listed.AsArray().Select(i => i!["url"]!.GetValue<string>()).Should().Equal(url);
        (await app.Anonymous().DetailsAsync(product))["images"]!.AsArray().Should().ContainSingle();

        var served = await app.Anonymous().GetAsync(url);
        await served.ShouldHaveStatus(200);
        (await served.Content.ReadAsByteArrayAsync()).Should().Equal(png);
        served.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        served.Headers.CacheControl!.Public.Should().BeTrue();
        served.Headers.CacheControl.MaxAge.Should().BeGreaterThanOrEqualTo(TimeSpan.FromDays(365));
        served.Headers.ETag.Should().NotBeNull();

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        ((int)(await app.Anonymous().SendAsync(conditional)).StatusCode).Should().Be(304);
        var item = (await (await app.Anonymous().GetAsync($"/api/products?cooperativeId={cooperative.Id}")).Json())["items"]![0]!;
        item["imageUrl"]!.GetValue<string>().Should().Be(url);
    }

    [Fact]
    public async Task Images_of_the_three_formats_are_ordered_and_deleted_by_staff()
    {
        var cooperative = await app.NewCooperativeAsync();
        var product = await cooperative.NewProductAsync();
        var ids = new List<Guid>();
        foreach (var (bytes, type) in new[] { (ImageFormatTests.Jpeg, "image/jpeg"), (ImageFormatTests.Png, "image/png"), (ImageFormatTests.Webp, "image/webp") })
        {
            var response = await cooperative.Owner.Client.PostAsync(Images(cooperative, product), Form(Image(bytes), "x.bin", "application/octet-stream"));
            var image = await (await response.ShouldHaveStatus(201)).Json();
            image["contentType"]!.GetValue<string>().Should().Be(type, "the type comes from the bytes, not from the name or the header");
            ids.Add(image["id"]!.GetValue<Guid>());
        }

        var reordered = await cooperative.Owner.Client.PutAsJsonAsync($"{Images(cooperative, product)}/order", new { imageIds = new[] { ids[2], ids[0], ids[1] } });
        (await (await reordered.ShouldHaveStatus(200)).Json()).AsArray().Select(i => i!["id"]!.GetValue<Guid>()).Should().Equal(ids[2], ids[0], ids[1]);
        await (await cooperative.Owner.Client.PutAsJsonAsync($"{Images(cooperative, product)}/order", new { imageIds = new[] { ids[0] } }))
            .ShouldBeValidationProblem("imageIds");

        var url = $"/api/products/{product}/images/{ids[0]}";
        await (await cooperative.Owner.Client.DeleteAsync($"{Images(cooperative, product)}/{ids[0]}")).ShouldHaveStatus(204);
        await (await app.Anonymous().GetAsync(url)).ShouldBeProblem(404);
        (await (await app.Anonymous().GetAsync($"/api/products/{product}/images")).Json()).AsArray()
            .Select(i => i!["id"]!.GetValue<Guid>()).Should().Equal(ids[2], ids[1]);
        await (await cooperative.Owner.Client.DeleteAsync($"{Images(cooperative, product)}/{ids[0]}")).ShouldBeProblem(404);
    }

    [Fact]
    public async Task Given_a_file_that_is_not_an_image_whatever_its_name_When_uploading_Then_400_and_nothing_stored()
    {
        var cooperative = await app.NewCooperativeAsync();
        var product = await cooperative.NewProductAsync();
        var before = StoredFiles();

        var text = await cooperative.Owner.Client.PostAsync(Images(cooperative, product), Form("<svg onload=alert(1)>"u8.ToArray(), "photo.png"));
        var gif = await cooperative.Owner.Client.PostAsync(Images(cooperative, product), Form(Image("GIF89a"u8.ToArray()), "photo.gif", "image/gif"));
        var none = await cooperative.Owner.Client.PostAsync(Images(cooperative, product), new MultipartFormDataContent { { new StringContent("x"), "note" } });
        var json = await cooperative.Owner.Client.PostJson(Images(cooperative, product), new { url = "http://example.com/a.png" });

        await text.ShouldBeValidationProblem("file");
        await gif.ShouldBeValidationProblem("file");
        await none.ShouldBeValidationProblem("file");
        await json.ShouldBeValidationProblem("file");
        StoredFiles().Should().Be(before);
        (await (await app.Anonymous().GetAsync($"/api/products/{product}/images")).Json()).AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Given_an_image_over_5_MB_When_uploading_Then_4xx_and_nothing_stored()
    {
        var cooperative = await app.NewCooperativeAsync();
        var product = await cooperative.NewProductAsync();
        var before = StoredFiles();

        var over = await cooperative.Owner.Client.PostAsync(Images(cooperative, product), Form(Image(ImageFormatTests.Png, 5 * 1024 * 1024)));
        var wayOver = await cooperative.Owner.Client.PostAsync(Images(cooperative, product), Form(Image(ImageFormatTests.Png, 7 * 1024 * 1024)));

        await over.ShouldBeValidationProblem("file");
        ((int)wayOver.StatusCode).Should().BeOneOf(400, 413);
        StoredFiles().Should().Be(before);
    }

    [Fact]
    public async Task Only_staff_of_the_products_cooperative_manage_its_images()
    {
        var cooperative = await app.NewCooperativeAsync();
        var product = await cooperative.NewProductAsync();
        var stranger = (await app.NewShopperAsync()).Client;
        var uploaded = await (await cooperative.Owner.Client.PostAsync(Images(cooperative, product), Form(Image(ImageFormatTests.Png)))).Json();
        var imageId = uploaded["id"]!.GetValue<Guid>();

        await (await stranger.PostAsync(Images(cooperative, product), Form(Image(ImageFormatTests.Png)))).ShouldBeProblem(403);
        await (await stranger.DeleteAsync($"{Images(cooperative, product)}/{imageId}")).ShouldBeProblem(403);
        ((int)(await app.Anonymous().PostAsync(Images(cooperative, product), Form(Image(ImageFormatTests.Png)))).StatusCode).Should().Be(401);
        (await (await app.Anonymous().GetAsync($"/api/products/{product}/images")).Json()).AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Images_of_a_draft_or_of_a_suspended_cooperative_are_served_to_its_staff_and_administrators_only()
    {
        var cooperative = await app.NewCooperativeAsync();
        var draft = await cooperative.NewProductAsync(publish: false);
        var published = await cooperative.NewProductAsync();
        var draftUrl = (await (await cooperative.Owner.Client.PostAsync(Images(cooperative, draft), Form(Image(ImageFormatTests.Png)))).Json())["url"]!.GetValue<string>();
        var publishedUrl = (await (await cooperative.Owner.Client.PostAsync(Images(cooperative, published), Form(Image(ImageFormatTests.Png)))).Json())["url"]!.GetValue<string>();
        var stranger = (await app.NewShopperAsync()).Client;
        var admin = (await app.AdminAsync()).Client;

        await (await app.Anonymous().GetAsync(draftUrl)).ShouldBeProblem(404);
        await (await stranger.GetAsync(draftUrl)).ShouldBeProblem(404);
        var seenByStaff = await cooperative.Owner.Client.GetAsync(draftUrl);
        await seenByStaff.ShouldHaveStatus(200);
        seenByStaff.Headers.CacheControl!.NoStore.Should().BeTrue("a draft's image must not stay in a shared cache");
        await (await admin.GetAsync(draftUrl)).ShouldHaveStatus(200);
        await (await app.Anonymous().GetAsync(publishedUrl)).ShouldHaveStatus(200);

        await app.AdminDoesAsync(cooperative.Id, "suspend");
        await Poll.UntilAsync(async () => (int)(await app.Anonymous().GetAsync(publishedUrl)).StatusCode, s => s == 404,
            what: "the suspended cooperative's image to leave the public");
        await (await cooperative.Owner.Client.GetAsync(publishedUrl)).ShouldHaveStatus(200);
        await app.AdminDoesAsync(cooperative.Id, "reinstate");
        await Poll.UntilAsync(async () => (int)(await app.Anonymous().GetAsync(publishedUrl)).StatusCode, s => s == 200, what: "the image to come back");
    }
}
