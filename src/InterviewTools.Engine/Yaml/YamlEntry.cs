using System;
using System.Collections.Generic;

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

        /// <summary>The whole file is one unmarked document that looks like JSON, CSV or plain text rather than YAML of objects.</summary>
        NotYaml,
    }

    /// <summary>
    /// One document of a YAML stream. <see cref="Value"/> is plain data: a mapping is a
    /// <c>List&lt;KeyValuePair&lt;string, object?&gt;&gt;</c> in file order, a sequence a <c>List&lt;object?&gt;</c>,
    /// a scalar its string, and a null (<c>null</c>, <c>~</c> or nothing, unquoted) is null.
    /// </summary>
    public sealed class YamlEntry
    {
        public YamlEntry(int number, int line, YamlEntryKind kind, object? value, string? problem, IReadOnlyList<int>? itemLines = null)
        {
            Number = number;
            Line = line;
            Kind = kind;
            Value = value;
            Problem = problem;
            ItemLines = itemLines ?? Array.Empty<int>();
        }

        /// <summary>1 for the first document of the stream.</summary>
        public int Number { get; }

        /// <summary>The line the document starts on, 1-based.</summary>
        public int Line { get; }

        public YamlEntryKind Kind { get; }

        public object? Value { get; }

        /// <summary>Why an entry other than a Document cannot be used.</summary>
        public string? Problem { get; }

        /// <summary>When the document is a list, the line each item starts on (a writer such as powershell-yaml puts many objects in one list).</summary>
        public IReadOnlyList<int> ItemLines { get; }
    }
}
