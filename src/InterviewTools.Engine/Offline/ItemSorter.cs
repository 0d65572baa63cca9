using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// Walks a post's lines and puts each list item or prose sentence into Questions, Experiences, Tips or Advice.
    /// <list type="bullet">
    /// <item>A <b>header</b> opens a section: a Markdown heading, a line ending in ：or :, a short line right above a list,
    /// or a short interview-round line such as "二面（项目深挖）". The cue words of its last clause give the section's
    /// category (<see cref="CueWords.OfHeader"/>). A blank line closes a section that has content.</item>
    /// <item>A <b>list item</b> in a question section is a question; elsewhere it is a question if it ends in ?/？, else it
    /// takes its own cue words' category, else the section's, else it is a question if it asks (什么, how…).</item>
    /// <item>A <b>prose</b> line is taken sentence by sentence (a whole line ending in ?/？ counts as one). A short
    /// "label：rest" whose label carries a cue (Tips:, 最后建议：, 手撕：) files the rest under the label's category; a
    /// sentence ending in ?/？ that asks is a question; else its own cue words decide; in an interview-round section
    /// prose without cues is an experience.</item>
    /// </list>
    /// Headers and the title line are never items.
    /// </summary>
    internal sealed class ItemSorter
    {
        private const int MaxShortHeaderHalfUnits = 24;
        private const int MaxLabelHalfUnits = 24;
        private static readonly Regex Label = new Regex(@"^(?<label>[^：:。！？!?]{1,24}?)[：:]\s*(?<rest>\S.*)$", RegexOptions.Compiled);
        private static readonly char[] ClauseBreaks = { '，', '；', ';' };

        private readonly List<string> _sentences = new List<string>();

        public ItemList Questions { get; } = new ItemList(StringComparer.Ordinal);
        public ItemList Experiences { get; } = new ItemList(StringComparer.Ordinal);
        public ItemList Tips { get; } = new ItemList(StringComparer.Ordinal);
        public ItemList Advice { get; } = new ItemList(StringComparer.Ordinal);

        /// <summary>Every item and sentence in post order, for ranking the summary.</summary>
        public List<string> Candidates { get; } = new List<string>();

        public void Sort(List<PostLine> lines, int titleLine)
        {
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
                    section = CueWords.OfHeader(LastClause(line.Text));
                    sectionHasContent = false;
                    continue;
                }
                sectionHasContent = true;
                if (line.Kind == LineKind.ListItem) SortListItem(line.Text, section);
                else SortProse(line.Text, section);
            }
        }

        private void SortListItem(string text, ItemCategory section)
        {
            Candidates.Add(text);
            ItemCategory category;
            if (section == ItemCategory.Question || EndsWithQuestionMark(text)) category = ItemCategory.Question;
            else
            {
                category = CueWords.OfItem(text);
                if (category == ItemCategory.None) category = section;
                if (category == ItemCategory.None && CueWords.AsksSomething(text)) category = ItemCategory.Question;
            }
            Add(category, text);
        }

        private void SortProse(string text, ItemCategory section)
        {
            _sentences.Clear();
            if (EndsWithQuestionMark(text)) _sentences.Add(text);
            else Sentences.Split(text, _sentences);
            foreach (var sentence in _sentences)
            {
                Candidates.Add(sentence);
                var labelled = Label.Match(sentence);
                if (labelled.Success && TextWidth.HalfUnits(labelled.Groups["label"].Value) <= MaxLabelHalfUnits)
                {
                    var byLabel = CueWords.OfHeader(labelled.Groups["label"].Value);
                    if (byLabel != ItemCategory.None)
                    {
                        Add(byLabel, labelled.Groups["rest"].Value.Trim());
                        continue;
                    }
                }
                if (EndsWithQuestionMark(sentence) && (section == ItemCategory.Question || CueWords.AsksSomething(sentence)))
                {
                    Add(ItemCategory.Question, sentence);
                    continue;
                }
                var category = CueWords.OfItem(sentence);
                if (category == ItemCategory.None && section == ItemCategory.Question) category = ItemCategory.Experience;
                Add(category, sentence);
            }
        }

        private void Add(ItemCategory category, string text)
        {
            switch (category)
            {
                case ItemCategory.Question: Questions.Add(text); break;
                case ItemCategory.Experience: Experiences.Add(text); break;
                case ItemCategory.Tip: Tips.Add(text); break;
                case ItemCategory.Advice: Advice.Add(text); break;
            }
        }

        private static bool IsHeader(List<PostLine> lines, int i)
        {
            var line = lines[i];
            if (line.Kind == LineKind.Heading) return true;
            var next = i + 1 < lines.Count ? lines[i + 1].Kind : LineKind.Blank;
            if (TextWidth.EndsWithColon(line.Text)) return line.Kind == LineKind.Prose || next == LineKind.ListItem;
            if (line.Kind != LineKind.Prose || next == LineKind.Blank || HasSentenceEnd(line.Text)) return false;
            if (TextWidth.HalfUnits(line.Text) > MaxShortHeaderHalfUnits) return false;
            return next == LineKind.ListItem || CueWords.OfHeader(line.Text) == ItemCategory.Question;
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
