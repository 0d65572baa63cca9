using System;
using System.IO;

namespace InterviewTools.Engine.Tests
{
    public static class Samples
    {
        private static readonly string Root = FindRoot();

        /// <summary>One of the real posts in tests/data/posts (see tests/data/README.md).</summary>
        public static string Path(string name) => System.IO.Path.Combine(Root, "tests", "data", "posts", name);

        /// <summary>A post in the repository's own samples folder.</summary>
        public static string InRepository(string name) => System.IO.Path.Combine(Root, "samples", name);

        private static string FindRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(System.IO.Path.Combine(directory.FullName, "InterviewTools.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Cannot find InterviewTools.sln");
        }
    }
}
