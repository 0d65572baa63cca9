using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    internal enum MarkerKind
    {
        None,

        /// <summary>1. 1、 (1) ① 1️⃣ and the like.</summary>
        Number,

        /// <summary>一、 二、: section numbering in Chinese posts rather than list items.</summary>
        ChineseNumeral,

        /// <summary>Q1: numbers a question.</summary>
        QuestionNumber,

        /// <summary>- * • ✓ and other bullets.</summary>
        Bullet,
    }

    /// <summary>
    /// The numbering or bullet that opens a list item: 1. 1、 1) (1) ① ⑴ ⒈ ❶ 1️⃣ 一、 Q1: and - * + • · ✓ ✔ ✅ ☑ ▪ ◆ ● ■ ► ➤ →.
    /// A number must not run on into digits, so "2.5 亿参数" is no list item.
    /// </summary>
    internal static class ListMarker
    {
        private static readonly Regex Marker = new Regex(
            @"\G(?:(?<number>\d{1,3}(?:[.．、)）:：](?!\d)|\uFE0F?\u20E3)|[(（]\d{1,3}[)）]|[\u2460-\u249B\u2776-\u2793])" +
            @"|(?<chinese>[一二三四五六七八九十]{1,3}[、.．])" +
            @"|(?<question>[Qq]\d{1,3}[.．:：、)）]?)" +
            @"|(?<bullet>[-*+](?=\s)|[•·▪◆◇●○■□►▶➤→√✓✔✅☑])" +
            @")\s*",
            RegexOptions.Compiled);

        /// <summary>Length of the marker and the space after it at <paramref name="start"/>, or 0.</summary>
        public static int Length(string line, int start, out MarkerKind kind)
        {
            var match = Marker.Match(line, start);
            kind = !match.Success ? MarkerKind.None
                : match.Groups["number"].Success ? MarkerKind.Number
                : match.Groups["chinese"].Success ? MarkerKind.ChineseNumeral
                : match.Groups["question"].Success ? MarkerKind.QuestionNumber
                : MarkerKind.Bullet;
            return match.Success ? match.Length : 0;
        }

        /// <summary>Bullets that look like emoji (✓ ✅ ➤) but mark an item, so decoration must not swallow them first.</summary>
        public static bool IsBullet(char c) => c == '✓' || c == '✔' || c == '✅' || c == '☑' || c == '➤' || c == '√';
    }
}
