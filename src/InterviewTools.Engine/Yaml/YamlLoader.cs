using System;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>Where and why a YAML text cannot be read, in the text's own 1-based lines and columns, in words fit for a user.</summary>
    public sealed class YamlSyntaxError
    {
        public YamlSyntaxError(int line, int column, string reason)
        {
            Line = Math.Max(1, line);
            Column = Math.Max(1, column);
            Reason = reason;
        }

        public int Line { get; }

        public int Column { get; }

        public string Reason { get; }

        /// <summary>YamlException's message starts with both marks, which <see cref="Line"/> and <see cref="Column"/> already say.</summary>
        public static YamlSyntaxError From(YamlException e)
        {
            var marks = e.Message.IndexOf("): ", StringComparison.Ordinal);
            var reason = (marks >= 0 ? e.Message.Substring(marks + 3) : e.Message).TrimEnd('.');
            if (reason.StartsWith("While ", StringComparison.Ordinal)) reason = "while " + reason.Substring(6);
            return new YamlSyntaxError((int)e.Start.Line, (int)e.Start.Column, reason);
        }
    }

    /// <summary>
    /// Loads YAML text with YamlDotNet so that nothing YamlDotNet throws on bad input escapes. Besides YamlException, its
    /// scanner throws InvalidOperationException (a plain scalar inside an unclosed '[' or '{' indented too little) and its node
    /// loader ArgumentException (an event it does not expect, a \U escape beyond Unicode); each becomes a
    /// <see cref="YamlSyntaxError"/> at the point where reading stopped. Nesting is limited, so no document can overflow the stack.
    /// </summary>
    internal static class YamlLoader
    {
        public static YamlStream? TryLoad(string text, out YamlSyntaxError? error)
        {
            error = ForbiddenCharacter(text);
            if (error != null) return null;
            var scanner = new Scanner(new StringReader(text));
            try
            {
                var stream = new YamlStream();
                stream.Load(new GuardedParser(new Parser(scanner)));
                error = null;
                return stream;
            }
            catch (YamlException e)
            {
                error = YamlSyntaxError.From(e);
                return null;
            }
            catch (Exception e) when (IsReaderFailure(e))
            {
                var at = scanner.CurrentPosition;
                var reason = e is InvalidOperationException
                    ? "a '[' or '{' before this point is not closed, or a line inside it is indented less than the line it continues"
                    : "YAML cannot be read past this point";
                error = new YamlSyntaxError((int)at.Line, (int)at.Column, reason);
                return null;
            }
        }

        /// <summary>
        /// YAML allows only printable characters (YAML 1.2, c-printable). YamlDotNet stops reading at a NUL without a word, which
        /// would silently drop the rest of a file.
        /// </summary>
        private static YamlSyntaxError? ForbiddenCharacter(string text)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\n')
                {
                    line++;
                    lineStart = i + 1;
                    continue;
                }
                if (IsPrintable(text, i))
                {
                    if (char.IsHighSurrogate(c)) i++;
                    continue;
                }
                return new YamlSyntaxError(line, i - lineStart + 1,
                    $"the character U+{(int)c:X4} is not allowed in YAML: the file may be binary, or UTF-16 without a byte order mark");
            }
            return null;
        }

        private static bool IsPrintable(string text, int index)
        {
            var c = text[index];
            if (c == '\t' || c == '\r' || c == '\u0085') return true;
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFFFE' || c == '\uFFFF') return false;
            if (char.IsHighSurrogate(c)) return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
            return !char.IsLowSurrogate(c);
        }

        /// <summary>The exceptions other than YamlException that YamlDotNet's scanner, parser and node loader throw for malformed text.</summary>
        public static bool IsReaderFailure(Exception e) =>
            e is YamlException || e is InvalidOperationException || e is ArgumentException || e is FormatException || e is OverflowException;
    }
}
