using System.Text;

namespace Marketplace.BuildingBlocks;

/// <summary>Uploaded text files (CSV) read as strict UTF-8: a BOM is fine, other bytes are refused with the line where they are.</summary>
public static class Utf8Text
{
    public static string Decode(byte[] bytes, Func<int, Exception> notUtf8OnLine)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var line = 1;
        var lineStart = start;
        for (var i = start; i <= bytes.Length; i++)
        {
            if (i < bytes.Length && bytes[i] != (byte)'\n') continue;
            try { strict.GetString(bytes, lineStart, i - lineStart); }
            catch (DecoderFallbackException) { throw notUtf8OnLine(line); }
            line++;
            lineStart = i + 1;
        }
        return strict.GetString(bytes, start, bytes.Length - start);
    }
}
