using System.Buffers.Binary;
using System.IO.Compression;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Marketplace.Programme.Tests;

/// <summary>Reads a QR code from a PNG as a phone's camera would: the PNG decoded to grey pixels here, the code read by ZXing.</summary>
public static class QrDecoder
{
    public static string Decode(byte[] png)
    {
        var (width, height, grey) = Pixels(png);
        var source = new RGBLuminanceSource(grey, width, height, RGBLuminanceSource.BitmapFormat.Gray8);
        // Looked for as a camera would (try harder), then as the clean image it is (ZXing's finder misses a few perfect codes).
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true })
            ?? new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.PURE_BARCODE] = true });
        return result?.Text ?? throw new InvalidOperationException("No QR code could be read from the image.");
    }

    /// <summary>A PNG's pixels as 8-bit grey (greyscale, palette, RGB, with or without alpha; not interlaced).</summary>
    private static (int Width, int Height, byte[] Grey) Pixels(byte[] png)
    {
        if (!png.AsSpan(0, 8).SequenceEqual(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 })) throw new InvalidDataException("Not a PNG.");
        int width = 0, height = 0, depth = 0, colour = 0;
        byte[] palette = [];
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
                (depth, colour) = (data[8], data[9]);
                if (data[12] != 0) throw new InvalidDataException("Interlaced PNG.");
            }
            else if (type == "PLTE") palette = data.ToArray();
            else if (type == "IDAT") idat.Write(data);
            at += 12 + length;
        }
        var channels = colour switch { 0 or 3 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new InvalidDataException($"Colour type {colour}.") };
        var bitsPerPixel = channels * depth;
        var stride = (width * bitsPerPixel + 7) / 8;
        var bpp = Math.Max(1, bitsPerPixel / 8);
        using var inflated = new MemoryStream();
        idat.Position = 0;
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        var raw = inflated.ToArray();
        var rows = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                var value = raw[y * (stride + 1) + 1 + x];
                int a = x >= bpp ? rows[y * stride + x - bpp] : 0, b = y > 0 ? rows[(y - 1) * stride + x] : 0;
                int c = x >= bpp && y > 0 ? rows[(y - 1) * stride + x - bpp] : 0;
                rows[y * stride + x] = (byte)(value + filter switch
                {
                    0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2,
                    4 => Paeth(a, b, c), _ => throw new InvalidDataException($"Filter {filter}."),
                });
            }
        }
        var grey = new byte[width * height];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            int Sample(int channel)
            {
                var bit = (x * channels + channel) * depth;
                var v = depth == 8 ? rows[y * stride + bit / 8] : (rows[y * stride + bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
                return depth == 8 ? v : v * 255 / ((1 << depth) - 1);
            }
            grey[y * width + x] = (byte)(colour switch
            {
                3 => PaletteGrey(palette, RawIndex(rows, y, x, stride, depth)),
                2 or 6 => (Sample(0) + Sample(1) + Sample(2)) / 3,
                _ => Sample(0),
            });
        }
        return (width, height, grey);
    }

    private static int RawIndex(byte[] rows, int y, int x, int stride, int depth)
    {
        var bit = x * depth;
        return depth == 8 ? rows[y * stride + x] : (rows[y * stride + bit / 8] >> (8 - depth - bit % 8)) & ((1 << depth) - 1);
    }

    private static int PaletteGrey(byte[] palette, int index) => (palette[index * 3] + palette[index * 3 + 1] + palette[index * 3 + 2]) / 3;

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
