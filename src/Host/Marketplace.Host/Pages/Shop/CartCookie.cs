using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Marketplace.Host.Pages.Shop;

/// <summary>
/// A line of the shopper's cart: a product and how many, or a booking (<paramref name="Booking"/>): a slot and how many take
/// part, <paramref name="Children"/> of them children, alone on the date when <paramref name="Private"/>. Prices are never
/// kept: they are read again at display.
/// </summary>
public sealed record CartLine(Guid ProductId, int Quantity, bool Booking = false, int Children = 0, bool Private = false);

/// <summary>The cart, in the order products were added.</summary>
public sealed class Cart(IEnumerable<CartLine>? lines = null)
{
    public const int MaxLines = 50;
    public const int MaxQuantity = 999;
    public const int MaxParticipants = 50;
    private readonly List<CartLine> lines = lines?.ToList() ?? [];

    public IReadOnlyList<CartLine> Lines => lines;
    public bool IsEmpty => lines.Count == 0;
    public int Units => lines.Sum(l => l.Quantity);

    /// <summary>Adds to the quantity already in the cart (at most <see cref="MaxQuantity"/>); false when the cart is full.</summary>
    public bool Add(Guid productId, int quantity, bool booking = false)
    {
        var index = lines.FindIndex(l => l.ProductId == productId);
        if (index < 0 && lines.Count >= MaxLines) return false;
        var total = Math.Clamp((index < 0 ? 0 : lines[index].Quantity) + quantity, 1, booking ? MaxParticipants : MaxQuantity);
        if (index < 0) lines.Add(new CartLine(productId, total, booking)); else lines[index] = lines[index] with { Quantity = total };
        return true;
    }

    /// <summary>Books a date: its participants (children among them) and whether the group wants it to itself, replacing an earlier choice.</summary>
    public bool Book(Guid slotId, int participants, int children, bool privateGroup)
    {
        var index = lines.FindIndex(l => l.ProductId == slotId);
        if (index < 0 && lines.Count >= MaxLines) return false;
        var line = new CartLine(slotId, Math.Clamp(participants, 1, MaxParticipants), true, Math.Clamp(children, 0, participants), privateGroup);
        if (index < 0) lines.Add(line); else lines[index] = line;
        return true;
    }

    /// <summary>Sets a line's quantity; 0 or less removes it.</summary>
    public void Set(Guid productId, int quantity)
    {
        var index = lines.FindIndex(l => l.ProductId == productId);
        if (index < 0) return;
        if (quantity <= 0) lines.RemoveAt(index);
        else
        {
            var q = Math.Min(quantity, lines[index].Booking ? MaxParticipants : MaxQuantity);
            lines[index] = lines[index] with { Quantity = q, Children = Math.Min(lines[index].Children, q) };
        }
    }

    public void Remove(Guid productId) => lines.RemoveAll(l => l.ProductId == productId);

    /// <summary>Keeps only the lines of products that still exist.</summary>
    public void KeepOnly(IReadOnlySet<Guid> known) => lines.RemoveAll(l => !known.Contains(l.ProductId));
}

/// <summary>
/// The cart lives in a cookie, so that signed-out visitors keep theirs and any Host reads it: its content is
/// encrypted and signed with ASP.NET Core Data Protection (whose key ring is shared through PostgreSQL), so it can
/// be neither read nor forged. Compact: 20 bytes a line (product or slot id, quantity, flags: booking and private group,
/// children); carts written before (19 bytes a line without children, 18 before bookings) are read too.
/// </summary>
public sealed class CartCookie(IDataProtectionProvider provider)
{
    public const string Name = "mp.cart";
    private const byte ProductsOnly = 1, WithBookings = 2, Format = 3;
    private const int Size = 20;
    private readonly IDataProtector protector = provider.CreateProtector("Marketplace.Storefront.Cart.v1");

    public Cart Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || string.IsNullOrEmpty(value)) return new Cart();
        try
        {
            var bytes = protector.Unprotect(WebEncoders.Base64UrlDecode(value));
            var size = bytes.Length < 1 ? 0 : bytes[0] switch { ProductsOnly => 18, WithBookings => 19, Format => Size, _ => 0 };
            if (size == 0 || (bytes.Length - 1) % size != 0) return new Cart();
            var lines = new List<CartLine>();
            for (var offset = 1; offset < bytes.Length && lines.Count < Cart.MaxLines; offset += size)
            {
                var flags = size >= 19 ? bytes[offset + 18] : 0;
                var (booking, privateGroup) = ((flags & 1) == 1, (flags & 2) == 2);
                var quantity = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset + 16, 2));
                var children = size == Size ? bytes[offset + 19] : 0;
                if (quantity >= 1 && quantity <= (booking ? Cart.MaxParticipants : Cart.MaxQuantity) && children <= quantity)
                    lines.Add(new CartLine(new Guid(bytes.AsSpan(offset, 16)), quantity, booking, booking ? children : 0, booking && privateGroup));
            }
            return new Cart(lines);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return new Cart(); // a cookie from an older key ring or tampered with: start afresh
        }
    }

    public void Write(HttpContext context, Cart cart)
    {
        if (cart.IsEmpty)
        {
            context.Response.Cookies.Delete(Name);
            return;
        }
        var bytes = new byte[1 + Size * cart.Lines.Count];
        bytes[0] = Format;
        for (var i = 0; i < cart.Lines.Count; i++)
        {
            var (line, at) = (cart.Lines[i], 1 + Size * i);
            line.ProductId.TryWriteBytes(bytes.AsSpan(at, 16));
            BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(at + 16, 2), (ushort)line.Quantity);
            bytes[at + 18] = (byte)((line.Booking ? 1 : 0) | (line.Private ? 2 : 0));
            bytes[at + 19] = (byte)line.Children;
        }
        context.Response.Cookies.Append(Name, WebEncoders.Base64UrlEncode(protector.Protect(bytes)), new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = context.Request.IsHttps, IsEssential = true, MaxAge = TimeSpan.FromDays(30),
        });
    }
}
