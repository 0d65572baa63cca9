using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// The cue words that sort a post's items. The split: <b>Advice</b> recommends something to candidates (建议, 推荐,
    /// 必读, 一定要, 不要, should, recommend, make sure); <b>Tips</b> are techniques (注意, 重点, 技巧, 先…再…, focus on,
    /// think aloud); <b>Experiences</b> say what happened (面试官, 问了, 一面, 挂了, 拿到 offer, asked, round 2);
    /// <b>Questions</b> ask (什么, 如何, 为什么, 怎么, 区别, 哪些, what, how, why, explain, difference).
    /// </summary>
    internal static class CueWords
    {
        private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        private static readonly Regex AdviceHeader = new Regex(@"建议|推荐|必读|必看|书单|资料|复习|经验|心得|advice|recommend|reading|resources|should|lessons", Options);
        private static readonly Regex TipHeader = new Regex(@"技巧|注意|重点|\btips?\b|\btricks?\b|focus", Options);
        private static readonly Regex QuestionHeader = new Regex(@"面试题|题目|问题|八股|被问|问了|问到|考了|考察|常问|[一二三四五六终]面|技术面|主管面|hr面|手撕|coding|questions?\b|asked|round\s*\d|system design", Options);
        private static readonly Regex ExperienceHeader = new Regex(@"过程|经历|流程|timeline|process|experience", Options);

        private static readonly Regex Advice = new Regex(@"建议|推荐|一定要|必读|必看|务必|千万|不要|别再|别只|别光|最好|记得|要能|尽量|强烈|recommend|\bshould\b|make sure|\bmust\b|don'?t\b|do not|be sure|\bavoid|\bnever\b|\badvice", Options);
        private static readonly Regex Tip = new Regex(@"注意|重点|技巧|关键是|先[^。！？!?\n]{1,30}再|前先|可以先|多练|\btips?\b|\btricks?\b|focus on|pay attention|think aloud|\balways\b|\bpractice\b|try to", Options);
        private static readonly Regex Experience = new Regex(@"面了|面试官|被问|问了|问到|问我|追问|聊了|[一二三四五六终]面|hr面|挂了|被挂|挂在|收到|拿到|感谢信|面完|意向书|\basked\b|interviewer|\bround\s*\d|got (an |the )?offer|rejected|onsite|phone screen", Options);
        private static readonly Regex Interrogative = new Regex(@"什么|如何|为什么|为何|怎么|怎样|区别|哪些|哪个|是否|吗[？?]|多少|讲一下|讲讲|介绍一下|介绍下|说一下|说说|谈谈|\bwhat\b|\bhow\b|\bwhy\b|\bwhen\b|\bwhich\b|\bexplain|\bdescribe|\bcompare|difference|walk (me )?through", Options);

        /// <summary>
        /// What the items under a header (or after a short "label:") are. Advice outranks Tips, which outrank
        /// Questions, so "模型手撕建议关注：" is a reading list, not a question list.
        /// </summary>
        public static ItemCategory OfHeader(string header)
        {
            if (AdviceHeader.IsMatch(header)) return ItemCategory.Advice;
            if (TipHeader.IsMatch(header)) return ItemCategory.Tip;
            if (QuestionHeader.IsMatch(header)) return ItemCategory.Question;
            if (ExperienceHeader.IsMatch(header)) return ItemCategory.Experience;
            return ItemCategory.None;
        }

        /// <summary>The category an item's own words give it; Advice outranks Tips, which outrank Experiences.</summary>
        public static ItemCategory OfItem(string text)
        {
            if (Advice.IsMatch(text)) return ItemCategory.Advice;
            if (Tip.IsMatch(text)) return ItemCategory.Tip;
            if (Experience.IsMatch(text)) return ItemCategory.Experience;
            return ItemCategory.None;
        }

        public static bool AsksSomething(string text) => Interrogative.IsMatch(text);
    }
}
