namespace InterviewTools.Engine.Common
{
    /// <summary>The free-tier dimensions Gemini enforces per project and model. Null means not known.</summary>
    internal sealed class QuotaLimits
    {
        public int? RequestsPerMinute { get; set; }
        public long? InputTokensPerMinute { get; set; }
        public int? RequestsPerDay { get; set; }
        public long? InputTokensPerDay { get; set; }

        public QuotaLimits Clone() => (QuotaLimits)MemberwiseClone();

        /// <summary>Fills the dimensions this instance does not know from <paramref name="fallback"/>.</summary>
        public QuotaLimits Over(QuotaLimits? fallback) => fallback == null
            ? Clone()
            : new QuotaLimits
            {
                RequestsPerMinute = RequestsPerMinute ?? fallback.RequestsPerMinute,
                InputTokensPerMinute = InputTokensPerMinute ?? fallback.InputTokensPerMinute,
                RequestsPerDay = RequestsPerDay ?? fallback.RequestsPerDay,
                InputTokensPerDay = InputTokensPerDay ?? fallback.InputTokensPerDay,
            };
    }
}
