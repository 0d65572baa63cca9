using System.Linq;
using System.Management.Automation;

namespace InterviewTools.Tests
{
    /// <summary>Reads a PostSummary through PowerShell's own property access, as a script would.</summary>
    public sealed class PostSummaryView
    {
        private readonly PSObject _item;

        private PostSummaryView(PSObject item) => _item = item;

        public static explicit operator PostSummaryView(PSObject item) => new PostSummaryView(item);

        public string Source => Text("Source");
        public string? Title => _item.Properties["Title"].Value as string;
        public string Summary => Text("Summary");
        public string Status => Text("Status");
        public string Model => Text("Model");
        public string KeyId => Text("KeyId");
        public string? Error => _item.Properties["Error"].Value as string;
        public string ContentHash => Text("ContentHash");
        public int Attempts => (int)_item.Properties["Attempts"].Value;
        public int InputTokens => (int)_item.Properties["InputTokens"].Value;
        public string[] Topics => List("Topics");
        public string[] Questions => List("Questions");
        public string[] Switches => List("Switches");
        public string Provider => Text("Provider");
        public bool FromCache => (bool)_item.Properties["FromCache"].Value;
        public System.DateTimeOffset CompletedAt => (System.DateTimeOffset)_item.Properties["CompletedAt"].Value;
        public bool Fallback => (bool)_item.Properties["Fallback"].Value;
        public System.DateTimeOffset? RetryAt => (System.DateTimeOffset?)_item.Properties["RetryAt"].Value;

        private string Text(string name) => _item.Properties[name].Value?.ToString() ?? string.Empty;

        private string[] List(string name) => ((System.Collections.IEnumerable)_item.Properties[name].Value).Cast<object>().Select(o => o.ToString()!).ToArray();
    }
}
