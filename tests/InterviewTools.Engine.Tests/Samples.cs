using System;
using System.IO;
using System.Linq;

namespace InterviewTools.Engine.Tests
{
    public static class Samples
    {
        private static readonly string Root = FindRoot();

        /// <summary>One of the real posts in tests/data/posts (see tests/data/README.md).</summary>
        public static string Path(string name) => System.IO.Path.Combine(Root, "tests", "data", "posts", name);

        /// <summary>A post in the repository's own samples folder.</summary>
        public static string InRepository(string name) => System.IO.Path.Combine(Root, "samples", name);

        /// <summary>A file of the repository, e.g. RepositoryFile("src", "InterviewTools.Engine").</summary>
        public static string RepositoryFile(params string[] parts) => System.IO.Path.Combine(new[] { Root }.Concat(parts).ToArray());

        private static string FindRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(System.IO.Path.Combine(directory.FullName, "InterviewTools.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Cannot find InterviewTools.sln");
        }
    }
}
