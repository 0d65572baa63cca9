using System.Collections.Generic;

namespace InterviewTools.Engine.Posts
{
    /// <summary>Finds the byte offsets that cannot start or continue a well-formed UTF-8 sequence.</summary>
    internal static class Utf8Validator
    {
        public static List<int> FindInvalidBytes(byte[] bytes, int start)
        {
            var invalid = new List<int>();
            var i = start;
            while (i < bytes.Length)
            {
                var length = WellFormedSequenceLength(bytes, i);
                if (length == 0)
                {
                    invalid.Add(i);
                    i++;
                }
                else
                {
                    i += length;
                }
            }
            return invalid;
        }

        private static int WellFormedSequenceLength(byte[] b, int i)
        {
            var lead = b[i];
            if (lead < 0x80) return 1;
            if (lead >= 0xC2 && lead <= 0xDF) return Continues(b, i + 1, 0x80, 0xBF) ? 2 : 0;
            if (lead == 0xE0) return Continues(b, i + 1, 0xA0, 0xBF) && Continues(b, i + 2, 0x80, 0xBF) ? 3 : 0;
            if (lead == 0xED) return Continues(b, i + 1, 0x80, 0x9F) && Continues(b, i + 2, 0x80, 0xBF) ? 3 : 0;
            if (lead >= 0xE1 && lead <= 0xEF) return Continues(b, i + 1, 0x80, 0xBF) && Continues(b, i + 2, 0x80, 0xBF) ? 3 : 0;
            if (lead == 0xF0) return Continues(b, i + 1, 0x90, 0xBF) && Continues(b, i + 2, 0x80, 0xBF) && Continues(b, i + 3, 0x80, 0xBF) ? 4 : 0;
            if (lead >= 0xF1 && lead <= 0xF3) return Continues(b, i + 1, 0x80, 0xBF) && Continues(b, i + 2, 0x80, 0xBF) && Continues(b, i + 3, 0x80, 0xBF) ? 4 : 0;
            if (lead == 0xF4) return Continues(b, i + 1, 0x80, 0x8F) && Continues(b, i + 2, 0x80, 0xBF) && Continues(b, i + 3, 0x80, 0xBF) ? 4 : 0;
            return 0;
        }

        private static bool Continues(byte[] b, int i, byte low, byte high) => i < b.Length && b[i] >= low && b[i] <= high;
    }
}
