using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>
    /// Stops, with the right line, two documents YamlDotNet's node loader handles badly: one nested deeper than a limit, which
    /// its recursion would turn into a stack overflow that takes the whole PowerShell process down, and one with an alias
    /// whose anchor is not defined before it, which it reports at line 1 whatever the alias's line.
    /// </summary>
    internal sealed class GuardedParser : IParser
    {
        public const int MaxDepth = 200;

        private readonly IParser _inner;
        private readonly HashSet<AnchorName> _anchors = new HashSet<AnchorName>();
        private int _depth;

        public GuardedParser(IParser inner)
        {
            _inner = inner;
        }

        public ParsingEvent? Current => _inner.Current;

        public bool MoveNext()
        {
            if (!_inner.MoveNext()) return false;
            var current = _inner.Current!;
            switch (current)
            {
                case DocumentStart _:
                    _anchors.Clear();
                    break;
                case AnchorAlias alias:
                    if (!_anchors.Contains(alias.Value))
                    {
                        throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value}' names no anchor defined before it");
                    }
                    break;
                case MappingStart _:
                case SequenceStart _:
                    if (++_depth > MaxDepth) throw new YamlException(current.Start, current.End, $"nested more than {MaxDepth} levels deep");
                    break;
                case MappingEnd _:
                case SequenceEnd _:
                    _depth--;
                    break;
            }
            if (current is NodeEvent node && !node.Anchor.IsEmpty) _anchors.Add(node.Anchor);
            return true;
        }
    }
}
