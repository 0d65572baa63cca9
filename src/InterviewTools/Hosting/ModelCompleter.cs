using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using InterviewTools.Engine;

namespace InterviewTools.Hosting
{
    /// <summary>Suggests the default chain without rejecting other ids, because Gemini's model ids change often.</summary>
    public sealed class ModelCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            SummaryEngine.DefaultModels
                .Where(model => model.StartsWith(wordToComplete ?? string.Empty, System.StringComparison.OrdinalIgnoreCase))
                .Select(model => new CompletionResult(model, model, CompletionResultType.ParameterValue, model));
    }
}
