using System;
using System.Management.Automation;
using InterviewTools.Engine;

namespace InterviewTools.Hosting
{
    /// <summary>Opens the engine for a cmdlet: an engine that cannot be opened as asked ends the command with its error record.</summary>
    internal static class EngineOpener
    {
        public static SummaryEngine Open(PSCmdlet cmdlet, PipelineWriter writer, EngineSettings settings)
        {
            try
            {
                return SummaryEngine.Open(settings, Environment.GetEnvironmentVariable, TimeProvider.System, writer);
            }
            catch (EngineSetupException e)
            {
                writer.Drain();
                cmdlet.ThrowTerminatingError(ErrorRecords.Setup(e));
                throw;
            }
        }
    }
}
