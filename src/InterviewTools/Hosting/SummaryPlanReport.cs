using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// The default view of a SummaryPlan: a short report that fits 80 columns (the format file calls it), and with -Detailed
    /// a row per route. Kept in C# rather than the format file so it can be tested and wraps long lines in one place.
    /// </summary>
    public static class SummaryPlanReport
    {
        /// <summary>A console 80 columns wide wraps a line of exactly 80 characters.</summary>
        private const int Width = 79;
        private const int LabelWidth = 12;

        /// <summary>Joins words that must stay on one line, such as a model and its count; printed as a space.</summary>
        private const char Unbroken = '\u00A0';

        public static string Render(SummaryPlan plan, bool detailed)
        {
            var text = new StringBuilder();
            Line(text, "Posts", $"{plan.Posts:N0}: {plan.Cached:N0} cached, {plan.Unreadable:N0} unreadable, {plan.TooLong:N0} too long, {plan.ToSend:N0} to send");
            if (plan.Provider == PostSummaryProvider.Offline)
            {
                Line(text, "Provider", "Offline: the built-in extractive summarizer, no quota, no cost");
                return text.ToString().TrimEnd();
            }
            var counted = plan.CountedPosts > 0 ? $", {plan.CountedPosts} measured by countTokens" : string.Empty;
            var perPost = plan.ToSend == 0 ? 0 : plan.EstimatedOutputTokens / plan.ToSend;
            Line(text, "Tokens", $"~{plan.EstimatedInputTokens:N0} input (local estimate{counted}), ~{plan.EstimatedOutputTokens:N0} output ({perPost:N0} a post, {plan.OutputTokensBasis})");
            Line(text, "Fits today", FitsToday(plan));
            Line(text, "Models", plan.Models.Length == 0 ? "none usable" : string.Join(", ", plan.Models.Select(m => $"{m.Model}{Unbroken}{m.Posts:N0}")));
            Line(text, "Makespan", $"~{Span(plan.EstimatedMakespan)} ({plan.ThrottleLimit} request(s) at once, {plan.AssumedRequestTime.TotalSeconds:0} s each assumed, within the per-minute limits)");
            Line(text, "Cost", $"{Money(plan.EstimatedCost)} charged on paid projects; would cost {Money(plan.WouldCost)} at paid prices");
            if (detailed) Routes(text, plan.Routes);
            return text.ToString().TrimEnd();
        }

        private static string FitsToday(SummaryPlan plan)
        {
            if (plan.FitsToday == false)
            {
                var until = plan.DeferredUntil is { } at ? $" until {at.ToString("yyyy-MM-dd HH:mm", CultureInfo.CurrentCulture)}" : string.Empty;
                return $"No: {plan.Deferred:N0} post(s) would be deferred{until}";
            }
            return plan.FitsToday == true
                ? "Yes, within today's known limits"
                : "Probably: some routes have no known daily limit (Get-QuotaStatus shows each source)";
        }

        /// <summary>A row per route; each limit as left/limit with its source: S server, C configured, A assumed, ? unknown.</summary>
        private static void Routes(StringBuilder text, IReadOnlyList<SummaryPlanRoute> routes)
        {
            text.AppendLine();
            text.AppendLine("Routes in chain order; left/limit from S server, C configured, A assumed");
            text.AppendLine($"{"Project",-12}{"Model",-22}{"Today",10}{"Minute",9}{"Tok/min",9} {"Resets",-6}{"Posts",6}");
            foreach (var route in routes)
            {
                var project = Cut(route.Project, 11);
                var today = Limit(route.RequestsLeftToday, route.RequestsPerDayLimit, route.RequestsPerDayLimitSource);
                var minute = Limit(route.RequestsLeftThisMinute, route.RequestsPerMinuteLimit, route.RequestsPerMinuteLimitSource);
                var tokens = route.InputTokensPerMinuteLimit is { } tpm ? $"{Short(tpm)} {Source(route.InputTokensPerMinuteLimitSource)}" : "?";
                var resets = route.ResetsAt.ToString("HH:mm", CultureInfo.InvariantCulture);
                text.AppendLine($"{project,-12}{Cut(route.Model, 21),-22}{(route.Usable ? today : "unusable"),10}{minute,9}{tokens,9} {resets,-6}{route.ExpectedPosts,6}");
            }
        }

        private static string Limit(long? left, long? limit, LimitSource source) =>
            limit == null ? "?" : $"{left}/{limit} {Source(source)}";

        private static string Source(LimitSource source) => source switch
        {
            LimitSource.Server => "S",
            LimitSource.Configured => "C",
            LimitSource.Assumed => "A",
            _ => "?",
        };

        private static string Short(long value) => value >= 1_000_000 && value % 1_000_000 == 0 ? $"{value / 1_000_000}M" : value >= 1000 && value % 1000 == 0 ? $"{value / 1000}k" : value.ToString(CultureInfo.InvariantCulture);

        private static string Cut(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 1) + "…";

        private static string Money(decimal dollars) => dollars == 0 ? "$0" : dollars < 0.01m ? "$" + dollars.ToString("0.######", CultureInfo.InvariantCulture) : "$" + dollars.ToString("0.00##", CultureInfo.InvariantCulture);

        private static string Span(TimeSpan span) =>
            span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{Math.Ceiling(span.TotalSeconds):0}s";

        /// <summary>Label, then the value wrapped at word boundaries to 80 columns under itself.</summary>
        private static void Line(StringBuilder text, string label, string value)
        {
            var indent = new string(' ', LabelWidth);
            var line = new StringBuilder(label.PadRight(LabelWidth));
            foreach (var word in value.Split(' '))
            {
                if (line.Length + 1 + word.Length > Width && line.Length > LabelWidth)
                {
                    text.AppendLine(line.ToString().TrimEnd().Replace(Unbroken, ' '));
                    line.Clear().Append(indent);
                }
                else if (line.Length > LabelWidth)
                {
                    line.Append(' ');
                }
                line.Append(word);
            }
            text.AppendLine(line.ToString().TrimEnd().Replace(Unbroken, ' '));
        }
    }
}
