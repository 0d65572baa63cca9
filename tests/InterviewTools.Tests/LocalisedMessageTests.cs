using System;
using System.Globalization;
using System.Linq;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>
    /// Warnings and errors come in the user's interface language where the module ships one (zh-CN), in English otherwise;
    /// error ids stay the same in every language. The messages come from both owners: the engine (in its private load
    /// context, with its satellite in Dependencies/zh-CN) and the cmdlets (satellite in zh-CN beside the module).
    /// </summary>
    [Collection(HostedCollection.Name)]
    public sealed class LocalisedMessageTests
    {
        [Theory]
        [InlineData("zh-CN", "没有配置 Gemini API 密钥", "找不到帖子文件 '", "找不到 '", "请检查路径。")]
        [InlineData("fr-FR", "No Gemini API key is configured", "Cannot find the post file '", "Cannot find '", "Check the path.")]
        [InlineData("en-US", "No Gemini API key is configured", "Cannot find the post file '", "Cannot find '", "Check the path.")]
        public void MessagesFollowTheUserInterfaceCultureWithEnglishAsTheFallback(string culture, string noKey, string fileMissing, string pathMissing, string action)
        {
            var saved = CultureInfo.CurrentUICulture;
            try
            {
                // The runspace's host takes the thread's UI culture when it is created, as pwsh takes the user's.
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                using var world = new HostedScenario();
                Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);

                var run = world.Run("Invoke-PostSummary -LiteralPath ./missing.txt; Invoke-PostSummary -Path ./nowhere/missing.txt");

                Assert.StartsWith(noKey, Assert.Single(run.Warnings.Distinct()));
                Assert.Equal(2, run.Errors.Count);
                Assert.All(run.Errors, e => Assert.StartsWith("PostNotFound,", e.FullyQualifiedErrorId));
                Assert.StartsWith(fileMissing, run.Errors[0].ErrorDetails.Message);
                Assert.Equal(action, run.Errors[0].ErrorDetails.RecommendedAction);
                Assert.StartsWith(pathMissing, run.Errors[1].ErrorDetails.Message);
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        }

        [Theory]
        [InlineData("zh-CN", "config.yaml 第 1 行：throttleLimit 必须在 1 到 32 之间，而不是 99；已忽略。", "请修正配置文件中的这一项；格式参见 about_InterviewTools。")]
        [InlineData("fr-FR", "config.yaml, line 1: throttleLimit must be from 1 to 32, not 99; it is ignored.", "Fix the entry in the config file; about_InterviewTools shows the layout.")]
        public void AConfigProblemSpeaksTheUserInterfaceLanguage(string culture, string problem, string action)
        {
            var saved = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                using var world = new HostedScenario(config: "throttleLimit: 99\n");

                var run = world.Run("Get-QuotaStatus");

                var error = Assert.Single(run.Errors);
                Assert.StartsWith("ConfigEntryInvalid,", error.FullyQualifiedErrorId);
                Assert.EndsWith(problem, error.ErrorDetails.Message);
                Assert.Equal(action, error.ErrorDetails.RecommendedAction);
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        }
    }
}
