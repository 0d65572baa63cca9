using System;

namespace InterviewTools.Engine.Common
{
    /// <summary>The root of every exception the engine throws on purpose, so one catch covers them and a bug still surfaces as itself.</summary>
    public abstract class InterviewToolsException : Exception
    {
        protected InterviewToolsException(string message, Exception? inner = null) : base(message, inner)
        {
        }
    }
}
