using System;
using System.Collections.Generic;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>The structured notes of one post.</summary>
    public sealed class SummaryContent
    {
        public string? Title { get; set; }
        public string Summary { get; set; } = string.Empty;
        public IReadOnlyList<string> Experiences { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Tips { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Advice { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Questions { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Topics { get; set; } = Array.Empty<string>();
        public IReadOnlyList<string> Terms { get; set; } = Array.Empty<string>();
    }
}
