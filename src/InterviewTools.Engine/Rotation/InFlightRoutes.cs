using System.Collections.Generic;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>How many requests of this process are in flight on each (project, model), so a route whose limits are unknown is probed one request at a time.</summary>
    internal sealed class InFlightRoutes
    {
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>();

        public bool Any(string routeKey)
        {
            lock (_counts) return _counts.TryGetValue(routeKey, out var count) && count > 0;
        }

        public void Add(string routeKey)
        {
            lock (_counts) _counts[routeKey] = _counts.TryGetValue(routeKey, out var count) ? count + 1 : 1;
        }

        public void Remove(string routeKey)
        {
            lock (_counts)
            {
                if (_counts.TryGetValue(routeKey, out var count)) _counts[routeKey] = count - 1;
            }
        }
    }
}
