using System;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Rotation;

namespace InterviewTools.Engine.Policy
{
    /// <summary>One failed request, classified once: what the post reports (<see cref="Failure"/>) and what the rotation records (<see cref="Rotation"/>).</summary>
    internal sealed class FailureVerdict
    {
        public FailureVerdict(RotationAction action, SummaryFailure failure, string? reason = null)
        {
            Failure = failure;
            Rotation = new RotationVerdict(action, reason ?? failure.Message);
        }

        public SummaryFailure Failure { get; }
        public RotationVerdict Rotation { get; }

        public RotationAction Action => Rotation.Action;
        public string Reason => Rotation.Reason;

        public TimeSpan CoolDown
        {
            get => Rotation.CoolDown;
            set => Rotation.CoolDown = value;
        }

        public QuotaLimits? Learned
        {
            get => Rotation.Learned;
            set => Rotation.Learned = value;
        }

        public string? QuotaId
        {
            get => Rotation.QuotaId;
            set => Rotation.QuotaId = value;
        }
    }
}
