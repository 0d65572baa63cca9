namespace InterviewTools.Engine.Offline
{
    internal enum LineKind
    {
        /// <summary>Empty, or nothing left once hashtags and emoji are gone.</summary>
        Blank,

        /// <summary>A Markdown heading (# …).</summary>
        Heading,

        /// <summary>A numbered or bulleted item.</summary>
        ListItem,

        /// <summary>Any other text.</summary>
        Prose,
    }

    /// <summary>One line of a post with its numbering, bullet, emoji and hashtags removed.</summary>
    internal readonly struct PostLine
    {
        public PostLine(LineKind kind, string text, MarkerKind marker = MarkerKind.None)
        {
            Kind = kind;
            Text = text;
            Marker = marker;
        }

        public LineKind Kind { get; }
        public string Text { get; }
        public MarkerKind Marker { get; }
    }
}
