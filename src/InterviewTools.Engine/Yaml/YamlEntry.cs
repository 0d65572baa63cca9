namespace InterviewTools.Engine.Yaml
{
    public enum YamlEntryKind
    {
        /// <summary>A whole document; <see cref="YamlEntry.Value"/> holds it.</summary>
        Document,

        /// <summary>A document that is not valid YAML.</summary>
        Invalid,

        /// <summary>A document without its end marker but with more documents after it: its write was cut short and then the file was appended to.</summary>
        CutShort,

        /// <summary>The last document was cut short (the writer was stopped mid-write); everything before it is whole.</summary>
        Torn,
    }

    /// <summary>
    /// One document of a YAML stream. <see cref="Value"/> is plain data: a mapping is a
    /// <c>List&lt;KeyValuePair&lt;string, object?&gt;&gt;</c> in file order, a sequence a <c>List&lt;object?&gt;</c>,
    /// a scalar its string, and a null (<c>null</c>, <c>~</c> or nothing, unquoted) is null.
    /// </summary>
    public sealed class YamlEntry
    {
        public YamlEntry(int number, int line, YamlEntryKind kind, object? value, string? problem)
        {
            Number = number;
            Line = line;
            Kind = kind;
            Value = value;
            Problem = problem;
        }

        /// <summary>1 for the first document of the stream.</summary>
        public int Number { get; }

        /// <summary>The line the document starts on, 1-based.</summary>
        public int Line { get; }

        public YamlEntryKind Kind { get; }

        public object? Value { get; }

        /// <summary>Why an entry other than a Document cannot be used.</summary>
        public string? Problem { get; }
    }
}
