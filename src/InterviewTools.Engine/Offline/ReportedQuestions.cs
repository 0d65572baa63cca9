using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// Questions a post reports in passing: "问了 Transformer 的位置编码、BERT 和 GPT 的区别，…", "面试官上来问 KV Cache
    /// 为什么能加速推理，…", "让我现场设计一个图文检索系统". The asked clause runs to the next comma or sentence end and
    /// is split at 、 when every part is long enough to be a question of its own (not "MHA、MQA、GQA 的区别").
    /// Only used where the paragraph is about an interview, so "姐妹私信问我看哪些论文" is no question.
    /// </summary>
    internal static class ReportedQuestions
    {
        private const int MinHalfUnits = 8;
        private static readonly Regex Asked = new Regex(
            @"(?:问了|追问了?|被问到?了?|问到了?|上来就?问|又问了?|还问了?|问我)我?(?:一下|一个|一道)?\s*(?<q>[^，,。！？!?；;：:]+)" +
            @"|让我(?<q>(?:现场|当场)?(?:设计|实现|写|手写|手撕|推导|讲|画)[^，,。！？!?；;：:]+)",
            RegexOptions.Compiled);

        /// <summary>Vague or grammatical openings that make the clause no question: "问了很多八股", "被问到的题".</summary>
        private static readonly Regex NotAQuestion = new Regex(@"^(?:的|得|地|了|完|到|很多|一些|几个|不少|好多|挺多|好几|些)", RegexOptions.Compiled);

        public static void Collect(string sentence, ItemList questions)
        {
            if (sentence.IndexOf('问') < 0 && sentence.IndexOf('让') < 0) return;
            for (var match = Asked.Match(sentence); match.Success; match = match.NextMatch())
            {
                var clause = match.Groups["q"].Value.Trim();
                if (TextWidth.HalfUnits(clause) < MinHalfUnits || NotAQuestion.IsMatch(clause)) continue;
                var parts = clause.Split('、');
                var allLong = parts.Length > 1;
                foreach (var part in parts) allLong &= TextWidth.HalfUnits(part.Trim()) >= MinHalfUnits;
                if (!allLong)
                {
                    questions.Add(clause);
                    continue;
                }
                foreach (var part in parts) questions.Add(part.Trim());
            }
        }
    }
}
