using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>
    /// Stops a document nested deeper than a limit before YamlDotNet's recursive node loading can overflow the
    /// stack, which would take the whole PowerShell process down instead of failing one document.
    /// </summary>
    internal sealed class DepthLimitedParser : IParser
    {
        public const int MaxDepth = 200;

        private readonly IParser _inner;
        private int _depth;

        public DepthLimitedParser(IParser inner)
        {
            _inner = inner;
        }

        public ParsingEvent? Current => _inner.Current;

        public bool MoveNext()
        {
            if (!_inner.MoveNext()) return false;
            switch (_inner.Current)
            {
                case MappingStart _:
                case SequenceStart _:
                    if (++_depth > MaxDepth)
                    {
                        throw new YamlException(_inner.Current.Start, _inner.Current.End, $"nested more than {MaxDepth} levels deep");
                    }
                    break;
                case MappingEnd _:
                case SequenceEnd _:
                    _depth--;
                    break;
            }
            return true;
        }
    }
}
