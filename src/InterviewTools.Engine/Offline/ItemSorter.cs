using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// Walks a post's lines and puts each list item or prose sentence into Questions, Experiences, Tips or Advice.
    /// <list type="bullet">
    /// <item>A <b>header</b> opens a section: a Markdown heading, a line ending in ：or :, a short line right above a list,
    /// a short interview-round line such as "二面（项目深挖）", or a short 一、/二、 numbered line. The cue words of its
    /// last clause give the section's category (<see cref="CueWords.OfHeader"/>). A blank line closes a section that
    /// has content. Headers and the title line are never items.</item>
    /// <item>A <b>list item</b> is a question when numbered Q1:, when it ends in ?/？, or when it asks (什么, how…) or sets
    /// a task (实现…, derive…) in a question section. Otherwise a tip or advice cue of its own decides; in a question
    /// section it is then a question; else its own experience cue, the section's category, and finally asking or
    /// setting a task make it a question.</item>
    /// <item>A <b>prose</b> line is taken sentence by sentence (a whole line ending in ?/？ counts as one). A short label
    /// in front decides first (<see cref="CueWords.OfLabel"/>): Tips:/建议： file the rest, 手撕：/coding: make the rest
    /// a question, 一面：/HR面： make the sentence an experience unless the rest asks or sets a task. Then: a sentence
    /// ending in ?/？ that asks is a question; its own cue words decide; in a question section it is a question if it
    /// sets a task and an experience otherwise.</item>
    /// <item>Questions reported in passing ("问了 A、B") are added as questions too, in paragraphs about an interview
    /// (<see cref="ReportedQuestions"/>).</item>
    /// </list>
    /// </summary>
    internal sealed class ItemSorter
    {
        private const int MaxShortHeaderHalfUnits = 24;
        private const int MaxLabelHalfUnits = 24;
        private const int MinSummaryHeaderHalfUnits = 24;
        private static readonly Regex Label = new Regex(@"^(?<label>[^：:。！？!?]{1,24}?)[：:]\s*(?<rest>\S.*)$", RegexOptions.Compiled);
        private static readonly char[] ClauseBreaks = { '，', '；', ';' };

        private readonly List<string> _sentences = new List<string>();

        public ItemList Questions { get; } = new ItemList(StringComparer.Ordinal);
        public ItemList Experiences { get; } = new ItemList(StringComparer.Ordinal);
        public ItemList Tips { get; } = new ItemList(StringComparer.Ordinal);
        public ItemList Advice { get; } = new ItemList(StringComparer.Ordinal);

        /// <summary>Every header, item and sentence in post order, for ranking the summary.</summary>
        public List<string> Candidates { get; } = new List<string>();

        public void Sort(List<PostLine> lines, int titleLine)
        {
            var aboutInterview = InterviewParagraphs(lines);
            var section = ItemCategory.None;
            var sectionHasContent = false;
            for (var i = 0; i < lines.Count; i++)
            {
                if (i == titleLine) continue;
                var line = lines[i];
                if (line.Kind == LineKind.Blank)
                {
                    if (sectionHasContent) section = ItemCategory.None;
                    continue;
                }
                if (IsHeader(lines, i))
                {
                    // A long header often states the gist ("大模型面试中有关Fine-tuning常问的面试题："); short ones
                    // ("第一个月：打基础") mostly resemble each other and would crowd the summary.
                    if (TextWidth.HalfUnits(line.Text) >= MinSummaryHeaderHalfUnits) Candidates.Add(line.Text.TrimEnd('：', ':', ' '));
                    section = CueWords.OfHeader(LastClause(line.Text));
                    sectionHasContent = false;
                    continue;
                }
                sectionHasContent = true;
                if (line.Kind == LineKind.ListItem) SortListItem(line, section);
                else SortProse(line.Text, section, aboutInterview[i]);
            }
        }

        private void SortListItem(PostLine line, ItemCategory section)
        {
            var text = line.Text;
            Candidates.Add(text);
            var asks = CueWords.AsksSomething(text) || CueWords.SetsATask(text);
            ItemCategory category;
            if (line.Marker == MarkerKind.QuestionNumber || EndsWithQuestionMark(text) || (section == ItemCategory.Question && asks)) category = ItemCategory.Question;
            else
            {
                category = CueWords.OfItem(text);
                // Under "八股" in a study plan an item like "先过一遍…再看…" is a tip, not a question.
                if (section == ItemCategory.Question && category != ItemCategory.Advice && category != ItemCategory.Tip) category = ItemCategory.Question;
                if (category == ItemCategory.None) category = section;
                if (category == ItemCategory.None && asks) category = ItemCategory.Question;
            }
            Add(category, text);
        }

        private void SortProse(string text, ItemCategory section, bool aboutInterview)
        {
            _sentences.Clear();
            if (EndsWithQuestionMark(text)) _sentences.Add(text);
            else Sentences.Split(text, _sentences);
            foreach (var sentence in _sentences)
            {
                Candidates.Add(sentence);
                var category = SortSentence(sentence, section);
                if (category != ItemCategory.Question && (aboutInterview || section == ItemCategory.Question)) ReportedQuestions.Collect(sentence, Questions);
            }
        }

        /// <returns>The category the sentence (or its labelled rest) went to.</returns>
        private ItemCategory SortSentence(string sentence, ItemCategory section)
        {
            var labelled = Label.Match(sentence);
            if (labelled.Success && TextWidth.HalfUnits(labelled.Groups["label"].Value) <= MaxLabelHalfUnits)
            {
                var rest = labelled.Groups["rest"].Value.Trim();
                switch (CueWords.OfLabel(labelled.Groups["label"].Value))
                {
                    case LabelKind.Advice: return Add(ItemCategory.Advice, rest);
                    case LabelKind.Tip: return Add(ItemCategory.Tip, rest);
                    case LabelKind.Task: return Add(ItemCategory.Question, rest);
                    case LabelKind.Round:
                        return EndsWithQuestionMark(rest) || CueWords.SetsATask(rest) ? Add(ItemCategory.Question, rest) : Add(ItemCategory.Experience, sentence);
                    case LabelKind.Experience:
                        var own = CueWords.OfItem(sentence);
                        return Add(own == ItemCategory.Advice || own == ItemCategory.Tip ? own : ItemCategory.Experience, sentence);
                }
            }
            if (EndsWithQuestionMark(sentence) && (section == ItemCategory.Question || CueWords.AsksSomething(sentence)))
            {
                return Add(ItemCategory.Question, sentence);
            }
            var category = CueWords.OfItem(sentence);
            if (category == ItemCategory.None && section == ItemCategory.Question)
            {
                category = CueWords.SetsATask(sentence) ? ItemCategory.Question : ItemCategory.Experience;
            }
            return Add(category, sentence);
        }

        private ItemCategory Add(ItemCategory category, string text)
        {
            switch (category)
            {
                case ItemCategory.Question: Questions.Add(text); break;
                case ItemCategory.Experience: Experiences.Add(text); break;
                case ItemCategory.Tip: Tips.Add(text); break;
                case ItemCategory.Advice: Advice.Add(text); break;
            }
            return category;
        }

        private static bool IsHeader(List<PostLine> lines, int i)
        {
            var line = lines[i];
            if (line.Kind == LineKind.Heading) return true;
            var next = i + 1 < lines.Count ? lines[i + 1].Kind : LineKind.Blank;
            if (TextWidth.EndsWithColon(line.Text)) return line.Kind == LineKind.Prose || next == LineKind.ListItem;
            if (next == LineKind.Blank || HasSentenceEnd(line.Text) || TextWidth.HalfUnits(line.Text) > MaxShortHeaderHalfUnits) return false;
            if (line.Kind == LineKind.ListItem) return line.Marker == MarkerKind.ChineseNumeral;
            return next == LineKind.ListItem || CueWords.OfHeader(line.Text) == ItemCategory.Question;
        }

        /// <summary>For each line: does its paragraph (lines between blank lines) talk about an interview?</summary>
        private static bool[] InterviewParagraphs(List<PostLine> lines)
        {
            var flags = new bool[lines.Count];
            var start = 0;
            while (start < lines.Count)
            {
                var end = start;
                var about = false;
                while (end < lines.Count && lines[end].Kind != LineKind.Blank)
                {
                    about |= CueWords.IsInterviewContext(lines[end].Text);
                    end++;
                }
                for (var i = start; i < end; i++) flags[i] = about;
                start = end + 1;
            }
            return flags;
        }

        private static string LastClause(string header)
        {
            var text = header.TrimEnd('：', ':', ' ');
            var cut = text.LastIndexOfAny(ClauseBreaks);
            return cut < 0 ? text : text.Substring(cut + 1);
        }

        private static bool HasSentenceEnd(string text)
        {
            foreach (var c in text) if (TextWidth.IsSentenceEnd(c)) return true;
            return false;
        }

        private static bool EndsWithQuestionMark(string text) => text.Length > 0 && TextWidth.IsQuestionMark(text[text.Length - 1]);
    }
}
