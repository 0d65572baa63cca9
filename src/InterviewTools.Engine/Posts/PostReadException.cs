using System;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Posts
{
    public enum PostProblem
    {
        NotFound,
        IsDirectory,
        Empty,
        Binary,
        TooLarge,
        Unreadable,
        TooManyTokens,
    }

    public sealed class PostReadException : InterviewToolsException
    {
        public PostReadException(string source, PostProblem problem, string message, Exception? inner = null)
            : base(message, inner)
        {
            PostSource = source;
            Problem = problem;
        }

        public string PostSource { get; }
        public PostProblem Problem { get; }
    }
}
