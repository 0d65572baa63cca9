using System.Linq;
using System.Management.Automation;

namespace InterviewTools.Hosting
{
    internal sealed class QuotaStatusFilter
    {
        private readonly WildcardPattern[]? _models;
        private readonly WildcardPattern[]? _keys;
        private readonly QuotaState[]? _states;

        public QuotaStatusFilter(string[]? models, string[]? keys, QuotaState[]? states)
        {
            _models = models?.Select(m => new WildcardPattern(m, WildcardOptions.IgnoreCase)).ToArray();
            _keys = keys?.Select(k => new WildcardPattern(k, WildcardOptions.IgnoreCase)).ToArray();
            _states = states;
        }

        public bool Includes(QuotaStatus row) =>
            (_models == null || _models.Any(p => p.IsMatch(row.Model)))
            && (_keys == null || _keys.Any(p => p.IsMatch(row.KeyId)))
            && (_states == null || _states.Contains(row.State));
    }
}
