using System;
using System.Collections.Generic;
using System.Management.Automation;
using InterviewTools.Engine;
using InterviewTools.Engine.Posts;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Measure-PostSummary between binding and writing: takes the posts as Invoke-PostSummary does, asks the engine for the plan
    /// at the end, and writes it (with the too-long posts' errors, as a run would write them). Nothing is summarised.
    /// </summary>
    internal sealed class SummaryMeasurer
    {
        /// <summary>Inserted before the plan's own type name, so the format file picks the report with the per-route rows.</summary>
        public const string DetailedTypeName = "InterviewTools.SummaryPlan#Detailed";

        private readonly PipelineWriter _writer;
        private readonly SummaryEngine _engine;
        private readonly PostIntake _intake;
        private readonly List<PostDocument> _posts = new List<PostDocument>();

        private SummaryMeasurer(PSCmdlet cmdlet, PipelineWriter writer, SummaryEngine engine)
        {
            _writer = writer;
            _engine = engine;
            _intake = new PostIntake(cmdlet, writer, engine);
        }

        public static SummaryMeasurer Open(PSCmdlet cmdlet, PipelineWriter writer, PostSummarySettings settings) =>
            new SummaryMeasurer(cmdlet, writer, EngineOpener.Open(cmdlet, writer, SummaryRunner.EngineSettingsOf(settings)));

        public void AddFiles(string path, bool literal) => _intake.Files(path, literal, _posts.Add);

        public void AddText(string text) => _intake.Text(text, _posts.Add);

        public void Finish(bool detailed)
        {
            _intake.Finish();
            var measured = _writer.Run(_engine.MeasureAsync(_posts, _intake.Unreadable, _writer.Stopping));
            foreach (var tooLong in measured.TooLong) _writer.WriteError(ErrorRecords.BadPost(tooLong));
            var plan = PSObject.AsPSObject(measured.Plan);
            if (detailed) plan.TypeNames.Insert(0, DetailedTypeName);
            _writer.WriteObject(plan);
        }
    }
}
