using System;
using System.Globalization;
using System.Management.Automation;
using InterviewTools.Engine;
using InterviewTools.Engine.Posts;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// How Invoke-PostSummary and Measure-PostSummary take their posts: -Path (wildcards) and -LiteralPath resolved through the
    /// provider, -Text numbered text:1, text:2 …; a post that cannot be read gets its error record and the pipeline goes on.
    /// </summary>
    internal sealed class PostIntake
    {
        private readonly PSCmdlet _cmdlet;
        private readonly PipelineWriter _writer;
        private readonly SummaryEngine _engine;
        private int _textCount;
        private int _pipedStringsNotFound;

        public PostIntake(PSCmdlet cmdlet, PipelineWriter writer, SummaryEngine engine)
        {
            _cmdlet = cmdlet;
            _writer = writer;
            _engine = engine;
        }

        /// <summary>Posts that could not be read (each has had its error record).</summary>
        public int Unreadable { get; private set; }

        public void Files(string path, bool literal, Action<PostDocument> take)
        {
            if (!literal && path.IndexOf('\n') >= 0)
            {
                Unreadable++;
                _writer.WriteError(ErrorRecords.PathLooksLikeText(path));
                return;
            }
            var files = PathHelper.ResolveExisting(_cmdlet, path, literal);
            if (files == null)
            {
                Unreadable++;
                if (!literal && _cmdlet.MyInvocation.ExpectingInput) _pipedStringsNotFound++;
                return;
            }
            foreach (var file in files) Read(() => _engine.ReadFile(file), take);
        }

        public void Text(string text, Action<PostDocument> take)
        {
            _textCount++;
            var source = "text:" + _textCount.ToString(CultureInfo.InvariantCulture);
            Read(() => _engine.ReadText(source, text), take);
        }

        /// <summary>Get-Content without -Raw pipes a post line by line, and every line binds to -Path: one hint, beside each line's error.</summary>
        public void Finish()
        {
            if (_pipedStringsNotFound > 1) _writer.WriteWarning(ErrorRecords.LinesPipedAsPathsHint(_pipedStringsNotFound));
        }

        private void Read(Func<PostDocument> read, Action<PostDocument> take)
        {
            PostDocument post;
            try
            {
                post = read();
            }
            catch (PostReadException e)
            {
                Unreadable++;
                _writer.WriteError(ErrorRecords.BadPost(e));
                return;
            }
            take(post);
        }
    }
}
