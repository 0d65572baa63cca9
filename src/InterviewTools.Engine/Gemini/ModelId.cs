namespace InterviewTools.Engine.Gemini
{
    internal static class ModelId
    {
        private const string ResourcePrefix = "models/";

        public static string Bare(string model)
        {
            var trimmed = model.Trim();
            return trimmed.StartsWith(ResourcePrefix, System.StringComparison.Ordinal) ? trimmed.Substring(ResourcePrefix.Length) : trimmed;
        }
    }
}
