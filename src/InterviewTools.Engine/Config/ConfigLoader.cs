using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.Yaml;

namespace InterviewTools.Engine.Config
{
    /// <summary>Reads config.yaml. It never throws for a bad file: it keeps what is valid and says, by file and line, what it left out.</summary>
    internal static class ConfigLoader
    {
        public static ConfigLoadResult Load(string path, Func<string, string?> environment)
        {
            var fullPath = Path.GetFullPath(path);
            if (!File.Exists(fullPath)) return new ConfigLoadResult(InterviewToolsConfig.Empty, Array.Empty<string>(), Array.Empty<string>());
            string yaml;
            try
            {
                yaml = File.ReadAllText(fullPath, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is DecoderFallbackException)
            {
                return Failed(fullPath, Message.Format(EngineMessages.ConfigUnreadable, fullPath, e.Message));
            }
            return Parse(yaml, fullPath, environment);
        }

        private static ConfigLoadResult Parse(string yaml, string path, Func<string, string?> environment)
        {
            var stream = YamlLoader.TryLoad(yaml, out var error);
            if (stream == null)
            {
                var reason = ConfigText.ScrubParserMessage(error!, yaml, ConfigReader.FieldNames);
                return Failed(path, Message.Format(EngineMessages.ConfigNotYaml, path, error!.Line, error.Column, reason));
            }
            var reader = new ConfigReader(path, environment);
            if (stream.Documents.Count > 1)
            {
                return Failed(path, Message.Format(EngineMessages.ConfigManyDocuments, path, stream.Documents[1].RootNode.Start.Line));
            }
            if (stream.Documents.Count == 1) reader.ReadRoot(stream.Documents[0].RootNode);
            return reader.Result();
        }

        private static ConfigLoadResult Failed(string path, string problem) =>
            new ConfigLoadResult(new InterviewToolsConfig { Path = path }, new[] { problem }, Array.Empty<string>());
    }
}
