using System;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class FormattingTests
{
    [Theory]
    [InlineData(185_973_095L, "18.5973095s")]
    [InlineData(370_257_235_411L, "10h17m5.7235411s")]
    [InlineData(8_000_000L, "800ms")]
    [InlineData(600_000_000L, "1m0s")]
    [InlineData(36_000_000_000L, "1h0m0s")]
    [InlineData(0L, "0s")]
    [InlineData(15L, "1.5µs")]
    public void GoDurationMatchesGoFormatting(long ticks, string expected) =>
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromTicks(ticks)));

    [Theory]
    [InlineData(185_973_095L, "18s")]
    [InlineData(589_300_000L, "58s")]
    [InlineData(5_000_000L, "0s")]
    public void RetryDelayTruncatesToWholeSeconds(long ticks, string expected) =>
        Assert.Equal(expected, GoDuration.WholeSeconds(TimeSpan.FromTicks(ticks)));

    [Theory]
    [InlineData("", 0)]
    [InlineData("hello", 2)]
    [InlineData("a bb ccc dddd", 4)]
    [InlineData("你好，世界", 5)]
    [InlineData("面试 interview", 5)]
    public void TokenCounterIsDeterministic(string text, int expected) =>
        Assert.Equal(expected, TokenCounter.Count(text));
}
