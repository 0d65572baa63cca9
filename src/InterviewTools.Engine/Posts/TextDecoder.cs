using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using InterviewTools.Engine.Resources;

namespace InterviewTools.Engine.Posts
{
    /// <summary>
    /// Turns the bytes of a post into text: BOMs first, then strict UTF-8, then GB18030 (Chinese text saved on Windows).
    /// A few stray bytes in otherwise valid UTF-8 are dropped with a warning instead of switching encodings.
    /// </summary>
    internal static class TextDecoder
    {
        private const int GB18030CodePage = 54936;
        private const int BinaryProbeLength = 8192;
        private const int MinimumBomlessUtf16Length = 16;

        private static readonly byte[][] BinarySignatures =
        {
            new byte[] { 0x89, 0x50, 0x4E, 0x47 },
            new byte[] { 0x25, 0x50, 0x44, 0x46 },
            new byte[] { 0x50, 0x4B, 0x03, 0x04 },
            new byte[] { 0x47, 0x49, 0x46, 0x38 },
            new byte[] { 0xFF, 0xD8, 0xFF },
            new byte[] { 0x7F, 0x45, 0x4C, 0x46 },
            new byte[] { 0x1F, 0x8B },
        };

        public static DecodedText Decode(string source, byte[] bytes)
        {
            if (StartsWith(bytes, 0xEF, 0xBB, 0xBF)) return DecodeUtf8(source, bytes, 3, "utf-8-bom");
            if (StartsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) return Strict(source, new UTF32Encoding(false, true, true), bytes, 4, "utf-32le");
            if (StartsWith(bytes, 0xFF, 0xFE)) return Strict(source, new UnicodeEncoding(false, true, true), bytes, 2, "utf-16le");
            if (StartsWith(bytes, 0xFE, 0xFF)) return Strict(source, new UnicodeEncoding(true, true, true), bytes, 2, "utf-16be");
            if (StartsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) return Strict(source, new UTF32Encoding(true, true, true), bytes, 4, "utf-32be");
            if (!HasBinarySignature(bytes) && TryUtf16WithoutBom(source, bytes, out var utf16)) return utf16;
            if (HasBinarySignature(bytes) || HasBinaryBytes(bytes))
            {
                throw new PostReadException(source, PostProblem.Binary, Message.Format(EngineMessages.PostIsBinary, source));
            }
            var invalidUtf8 = Utf8Validator.FindInvalidBytes(bytes, 0);
            if (invalidUtf8.Count == 0) return new DecodedText(Encoding.UTF8.GetString(bytes), "utf-8", Array.Empty<string>());

            var highBytes = bytes.Count(b => b >= 0x80);
            var mostlyUtf8 = invalidUtf8.Count * 10 <= highBytes;
            if (!mostlyUtf8 && TryDecodeStrict(Gb18030(), bytes, 0, out var chinese))
            {
                return new DecodedText(chinese, "gb18030", Array.Empty<string>());
            }
            return DecodeUtf8(source, bytes, 0, "utf-8");
        }

        private static DecodedText DecodeUtf8(string source, byte[] bytes, int start, string name)
        {
            var invalid = Utf8Validator.FindInvalidBytes(bytes, start);
            if (invalid.Count == 0)
            {
                return new DecodedText(Encoding.UTF8.GetString(bytes, start, bytes.Length - start), name, Array.Empty<string>());
            }
            var invalidSet = new HashSet<int>(invalid);
            var kept = new byte[bytes.Length - start - invalid.Count];
            var k = 0;
            for (var i = start; i < bytes.Length; i++)
            {
                if (!invalidSet.Contains(i)) kept[k++] = bytes[i];
            }
            var shown = string.Join(", ", invalid.Take(5).Select(o => "0x" + o.ToString("X")));
            var more = invalid.Count > 5 ? $" and {invalid.Count - 5} more" : string.Empty;
            var warning = $"'{source}': dropped {invalid.Count} byte(s) that are not valid UTF-8 (at offset {shown}{more}).";
            return new DecodedText(Encoding.UTF8.GetString(kept), name, new[] { warning });
        }

        private static DecodedText Strict(string source, Encoding encoding, byte[] bytes, int start, string name)
        {
            if (TryDecodeStrict(encoding, bytes, start, out var text)) return new DecodedText(text, name, Array.Empty<string>());
            throw new PostReadException(source, PostProblem.Unreadable, Message.Format(EngineMessages.PostBadByteOrderMark, source, name));
        }

        /// <summary>
        /// Notepad-style "Unicode" files sometimes lose their BOM. Text in UTF-16 has its zero bytes mostly in the high
        /// half of each code unit, which binary data almost never does, and must then decode to printable text.
        /// </summary>
        private static bool TryUtf16WithoutBom(string source, byte[] bytes, out DecodedText decoded)
        {
            decoded = null!;
            if (bytes.Length < MinimumBomlessUtf16Length || bytes.Length % 2 != 0) return false;
            int zerosAtEven = 0, zerosAtOdd = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != 0) continue;
                if (i % 2 == 0) zerosAtEven++;
                else zerosAtOdd++;
            }
            var enoughZeros = (zerosAtEven + zerosAtOdd) * 10 >= bytes.Length / 2;
            // The other half may hold a few zeros too: CJK characters such as U+4E00 一 have a zero low byte.
            var bigEndian = enoughZeros && zerosAtEven > 4 * zerosAtOdd;
            var littleEndian = enoughZeros && zerosAtOdd > 4 * zerosAtEven;
            if (!bigEndian && !littleEndian) return false;
            if (!TryDecodeStrict(new UnicodeEncoding(bigEndian, false, true), bytes, 0, out var text)) return false;
            if (text.Any(c => char.IsControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f')) return false;
            var name = bigEndian ? "utf-16be" : "utf-16le";
            decoded = new DecodedText(text, name, new[] { $"'{source}' has no byte order mark; read it as {name}." });
            return true;
        }

        private static bool TryDecodeStrict(Encoding encoding, byte[] bytes, int start, out string text)
        {
            try
            {
                text = encoding.GetString(bytes, start, bytes.Length - start);
                return true;
            }
            catch (DecoderFallbackException)
            {
                text = string.Empty;
                return false;
            }
        }

        private static Encoding Gb18030()
        {
            var fromProvider = CodePagesEncodingProvider.Instance.GetEncoding(GB18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return fromProvider ?? Encoding.GetEncoding(GB18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }

        private static bool HasBinarySignature(byte[] bytes) => BinarySignatures.Any(signature => StartsWith(bytes, signature));

        private static bool HasBinaryBytes(byte[] bytes)
        {
            var probe = Math.Min(bytes.Length, BinaryProbeLength);
            var control = 0;
            for (var i = 0; i < probe; i++)
            {
                var b = bytes[i];
                if (b == 0) return true;
                if (b < 0x20 && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r' && b != 0x0C) control++;
            }
            return probe > 0 && control * 10 > probe;
        }

        private static bool StartsWith(byte[] bytes, params byte[] prefix)
        {
            if (bytes.Length < prefix.Length) return false;
            for (var i = 0; i < prefix.Length; i++)
            {
                if (bytes[i] != prefix[i]) return false;
            }
            return true;
        }
    }
}
