using System.Buffers.Binary;
using Marketplace.Host.Pages.Shop;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Browser.Tests;

/// <summary>The cart cookie: bookings beside products, and the carts shoppers kept from before bookings still read.</summary>
public sealed class CartCookieTests
{
    private static readonly IDataProtectionProvider Keys = new EphemeralDataProtectionProvider();

    private static HttpContext With(string? cookie)
    {
        var context = new DefaultHttpContext();
        if (cookie is not null) context.Request.Headers.Cookie = $"{CartCookie.Name}={cookie}";
        return context;
    }

    private static string Written(HttpContext context) =>
        context.Response.Headers.SetCookie.ToString().Split(';')[0][(CartCookie.Name.Length + 1)..];

    [Fact]
    public void A_cart_with_a_product_and_a_booking_reads_back_as_it_was_written()
    {
        var (product, slot) = (Guid.NewGuid(), Guid.NewGuid());
        var cart = new Cart();
        cart.Add(product, 3).Should().BeTrue();
        cart.Add(slot, 2, booking: true).Should().BeTrue();
        cart.Add(slot, 60, booking: true);
        var written = With(null);
        new CartCookie(Keys).Write(written, cart);

        var read = new CartCookie(Keys).Read(With(Written(written)));
        read.Lines.Should().Equal(new CartLine(product, 3), new CartLine(slot, Cart.MaxParticipants, Booking: true));
    }

    [Fact]
    public void A_cart_written_before_bookings_existed_is_read_as_products()
    {
        var product = Guid.NewGuid();
        var old = new byte[19];
        old[0] = 1; // the first format: 18 bytes a line, products only
        product.TryWriteBytes(old.AsSpan(1, 16));
        BinaryPrimitives.WriteUInt16BigEndian(old.AsSpan(17, 2), 4);
        var cookie = WebEncoders.Base64UrlEncode(Keys.CreateProtector("Marketplace.Storefront.Cart.v1").Protect(old));

        new CartCookie(Keys).Read(With(cookie)).Lines.Should().Equal(new CartLine(product, 4));
        new CartCookie(Keys).Read(With("tampered")).Lines.Should().BeEmpty();
    }

    [Fact]
    public void A_family_booking_and_a_private_group_read_back_with_their_children_and_a_cart_of_the_second_format_still_reads()
    {
        var (family, group) = (Guid.NewGuid(), Guid.NewGuid());
        var cart = new Cart();
        cart.Book(family, 4, 2, privateGroup: false).Should().BeTrue();
        cart.Book(group, 3, 9, privateGroup: true).Should().BeTrue();
        var written = With(null);
        new CartCookie(Keys).Write(written, cart);
        new CartCookie(Keys).Read(With(Written(written))).Lines.Should().Equal(new CartLine(family, 4, true, 2), new CartLine(group, 3, true, 3, true));

        var second = new byte[20];
        second[0] = 2; // the second format: 19 bytes a line, a booking flag, no children
        family.TryWriteBytes(second.AsSpan(1, 16));
        BinaryPrimitives.WriteUInt16BigEndian(second.AsSpan(17, 2), 5);
        second[19] = 1;
        var cookie = WebEncoders.Base64UrlEncode(Keys.CreateProtector("Marketplace.Storefront.Cart.v1").Protect(second));
        new CartCookie(Keys).Read(With(cookie)).Lines.Should().Equal(new CartLine(family, 5, Booking: true));
    }
}
