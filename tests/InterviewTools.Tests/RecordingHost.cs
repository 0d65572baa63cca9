using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace InterviewTools.Tests
{
    /// <summary>
    /// A host that keeps what PowerShell shows the user (the "What if:" lines) and answers -Confirm prompts
    /// from a script, so ShouldProcess can be tested the way a person meets it.
    /// </summary>
    public sealed class RecordingHost : PSHost
    {
        private readonly RecordingUserInterface _ui = new RecordingUserInterface();

        public List<string> Lines => _ui.Lines;

        /// <summary>Labels to pick, in order, at each confirmation prompt (e.g. "&amp;Yes", "&amp;No").</summary>
        public Queue<string> ConfirmAnswers => _ui.Answers;

        public int PromptCount => _ui.PromptCount;

        public override string Name => "InterviewTools.Tests";
        public override Version Version { get; } = new Version(1, 0);
        public override Guid InstanceId { get; } = Guid.NewGuid();
        public override PSHostUserInterface UI => _ui;
        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        public override void SetShouldExit(int exitCode)
        {
        }

        public override void EnterNestedPrompt() => throw new NotSupportedException();
        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }

        private sealed class RecordingUserInterface : PSHostUserInterface
        {
            public List<string> Lines { get; } = new List<string>();
            public Queue<string> Answers { get; } = new Queue<string>();
            public int PromptCount { get; private set; }

            public override PSHostRawUserInterface? RawUI => null;

            public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
            {
                PromptCount++;
                Lines.Add(message);
                if (Answers.Count == 0) return defaultChoice;
                var wanted = Answers.Dequeue();
                for (var i = 0; i < choices.Count; i++)
                {
                    if (choices[i].Label == wanted) return i;
                }
                throw new InvalidOperationException($"No choice labelled {wanted} in: {string.Join(", ", System.Linq.Enumerable.Select(choices, c => c.Label))}");
            }

            public override void Write(string value) => Lines.Add(value);
            public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Lines.Add(value);
            public override void WriteLine(string value) => Lines.Add(value);
            public override void WriteErrorLine(string value) => Lines.Add(value);
            public override void WriteDebugLine(string message) => Lines.Add(message);
            public override void WriteVerboseLine(string message) => Lines.Add(message);
            public override void WriteWarningLine(string message) => Lines.Add(message);

            public override void WriteProgress(long sourceId, ProgressRecord record)
            {
            }

            public override string ReadLine() => throw new NotSupportedException();
            public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();
            public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) => throw new NotSupportedException();
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) => throw new NotSupportedException();
            public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) => throw new NotSupportedException();
        }
    }
}
