namespace InterviewTools.Engine.Posts
{
    /// <summary>How a post file was written; the reader lifts each format's metadata into <see cref="PostDocument"/>.</summary>
    public enum PostFormat
    {
        /// <summary>Text as copied from the app: title line, body, <c>#…[话题]#</c> hashtags.</summary>
        PlainText,

        /// <summary>Markdown, optionally with a YAML front matter block holding title and tags.</summary>
        Markdown,

        /// <summary>A Xiaohongshu note exported as JSON: title, desc, tag_list, possibly inside a note_card wrapper.</summary>
        XiaohongshuJson,
    }
}
