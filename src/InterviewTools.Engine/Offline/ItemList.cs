using System;
using System.Collections.Generic;

namespace InterviewTools.Engine.Offline
{
    /// <summary>Items in first-seen order without repeats.</summary>
    internal sealed class ItemList
    {
        private readonly List<string> _items = new List<string>();
        private readonly HashSet<string> _seen;

        public ItemList(StringComparer comparer) => _seen = new HashSet<string>(comparer);

        public void Add(string item)
        {
            if (item.Length > 0 && _seen.Add(item)) _items.Add(item);
        }

        public string[] ToArray() => _items.Count == 0 ? Array.Empty<string>() : _items.ToArray();
    }
}
