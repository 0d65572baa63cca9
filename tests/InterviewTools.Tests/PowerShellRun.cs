using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace InterviewTools.Tests
{
    /// <summary>Everything one hosted pipeline produced, on every stream.</summary>
    public sealed class PowerShellRun
    {
        public List<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<string> Warnings { get; } = new List<string>();
        public List<string> Verbose { get; } = new List<string>();
        public List<string> Debug { get; } = new List<string>();
        public List<string> Information { get; } = new List<string>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();
        public Exception? Terminating { get; set; }

        public IEnumerable<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]);

        public T Single<T>() => (T)Output.Single().BaseObject;

        /// <summary>Every piece of text the run showed, for scanning it for secrets.</summary>
        public IEnumerable<string> AllText()
        {
            foreach (var o in Output) yield return Describe(o);
            foreach (var e in Errors)
            {
                yield return e.ToString();
                yield return e.FullyQualifiedErrorId;
                yield return e.ErrorDetails?.Message ?? string.Empty;
                yield return e.ErrorDetails?.RecommendedAction ?? string.Empty;
                yield return e.TargetObject?.ToString() ?? string.Empty;
                for (var x = e.Exception; x != null; x = x.InnerException) yield return x.ToString();
            }
            foreach (var t in Warnings.Concat(Verbose).Concat(Debug).Concat(Information)) yield return t;
            foreach (var p in Progress) yield return p.Activity + " " + p.StatusDescription + " " + p.CurrentOperation;
            for (var x = Terminating; x != null; x = x.InnerException) yield return x.ToString();
        }

        private static string Describe(PSObject o) =>
            string.Join("\n", o.Properties.Select(p =>
            {
                try
                {
                    var value = p.Value;
                    return p.Name + "=" + (value is System.Collections.IEnumerable e && !(value is string) ? string.Join("|", e.Cast<object>()) : value);
                }
                catch (GetValueException)
                {
                    return p.Name;
                }
            }));
    }
}
