using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// The cue words that sort a post's items. The split: <b>Advice</b> recommends something to candidates (建议, 推荐,
    /// 必读, 一定要, 不要, should, recommend, make sure); <b>Tips</b> are techniques (注意, 重点, 技巧, 先…再…, focus on,
    /// think aloud); <b>Experiences</b> say what happened (面试官, 问了, 一面, 笔试, 挂了, 拿到 offer, asked, rounds);
    /// <b>Questions</b> ask (什么, 如何, 为什么, 怎么, 区别, 哪些, what, how, why, explain, difference) or set a task
    /// (实现, 手写, 设计, derive, implement, design).
    /// </summary>
    internal static class CueWords
    {
        private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        /// <summary>推荐 as in 推荐系统 or 传统推荐 names a field of work, not a recommendation.</summary>
        private const string Recommend = @"(?<!传统|搜广|做)推荐(?!系统|算法|场景|方向|业务)";

        private static readonly Regex AdviceHeader = new Regex(@"建议|" + Recommend + @"|必读|必看|书单|资料|复习|经验|心得|advice|recommend|reading|resources|should|lessons", Options);
        private static readonly Regex TipHeader = new Regex(@"技巧|注意|重点|\btips?\b|\btricks?\b|focus", Options);
        private static readonly Regex TaskHeader = new Regex(@"手撕|手写|代码题|算法题|coding|system design|系统设计|take-home", Options);
        private static readonly Regex QuestionHeader = new Regex(@"面试题|题目|问题|八股|被问|问了|问到|考了|考察|常问|[一二三四五六终]面|技术面|主管面|交叉面|hr面|questions?\b|asked|round\s*\d", Options);
        private static readonly Regex ExperienceHeader = new Regex(@"过程|经历|流程|笔试|感受|感觉|体验|timeline|process|experience", Options);

        private static readonly Regex Advice = new Regex(@"建议|" + Recommend + @"|一定要|必读|必看|务必|千万|不要|别再|别只|别光|最好|记得|尽量|强烈|提个?醒|recommend|\bshould\b|make sure|\bmust\b|don'?t\b|do not|be sure|\bavoid|\bnever\b|\badvice", Options);
        private static readonly Regex Tip = new Regex(@"注意|重点|技巧|关键是|先[^。！？!?\n]{1,40}再|前先|可以先|多练|\btips?\b|\btricks?\b|focus on|pay attention|think aloud|\balways\b|try to", Options);
        private static readonly Regex Experience = new Regex(@"面了|面试官|被问|问了|问到|问我|追问|聊了|[一二三四五六终]面|技术面|主管面|交叉面|hr面|笔试|投递|挂了|被挂|挂在|收到|拿到|拿了|感谢信|面完|意向书|\basked\b|interviewer|\brounds?\b|\bapplied\b|got (an |the )?offer|rejected|onsite|phone screen", Options);
        private static readonly Regex Interrogative = new Regex(@"什么|如何|为什么|为何|怎么|怎样|区别|哪些|哪个|是否|吗[？?]|多少|讲一下|讲讲|介绍一下|介绍下|说一下|说说|谈谈|\bwhat\b|\bhow\b|\bwhy\b|\bwhen\b|\bwhich\b|\bexplain|\bdescribe|\bcompare|difference|walk (me )?through", Options);
        private static readonly Regex Task = new Regex(@"^(?:现场|当场)?(?:实现|写一个|写个|手写|手撕|设计|推导|证明)|^(?:derive|implement|design|build|write|code|prove|sketch)\b", Options);
        private static readonly Regex InterviewContext = new Regex(@"面试官|[一二三四五六终]面|技术面|主管面|hr面|面了|interviewer|onsite", Options);

        /// <summary>
        /// What the items under a header are. Advice outranks Tips, which outrank Questions, so "模型手撕建议关注：" is a
        /// reading list, not a question list.
        /// </summary>
        public static ItemCategory OfHeader(string header)
        {
            if (AdviceHeader.IsMatch(header)) return ItemCategory.Advice;
            if (TipHeader.IsMatch(header)) return ItemCategory.Tip;
            if (TaskHeader.IsMatch(header) || QuestionHeader.IsMatch(header)) return ItemCategory.Question;
            if (ExperienceHeader.IsMatch(header)) return ItemCategory.Experience;
            return ItemCategory.None;
        }

        /// <summary>
        /// What a short "label：" in front of a sentence says about the rest: "Tips:" or "小建议：" files it, "手撕：" or
        /// "coding:" makes it a task, "一面：" or "HR面：" makes it an account of a round, "感受：" or "笔试：" an experience.
        /// </summary>
        public static LabelKind OfLabel(string label)
        {
            if (AdviceHeader.IsMatch(label)) return LabelKind.Advice;
            if (TipHeader.IsMatch(label)) return LabelKind.Tip;
            if (TaskHeader.IsMatch(label)) return LabelKind.Task;
            if (QuestionHeader.IsMatch(label)) return LabelKind.Round;
            if (ExperienceHeader.IsMatch(label)) return LabelKind.Experience;
            return LabelKind.None;
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

        /// <summary>Opens with a task verb: "实现一个…", "Derive the gradient…".</summary>
        public static bool SetsATask(string text) => Task.IsMatch(text);

        /// <summary>Talks about an interview itself (面试官, 一面, interviewer), so a reported "问了…" is a question asked there.</summary>
        public static bool IsInterviewContext(string text) => InterviewContext.IsMatch(text);
    }

    internal enum LabelKind
    {
        None,
        Advice,
        Tip,
        Task,
        Round,
        Experience,
    }
}
