using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace InterviewTools.Tests
{
    /// <summary>What the module really has, read from a runspace that imported it: cmdlets, parameters, enums, output types.</summary>
    public sealed class ModuleFacts
    {
        public ModuleFacts()
        {
            using var host = new PowerShellHost();
            Cmdlets = host.Run("Get-Command -Module InterviewTools").Output.Select(o => (CmdletInfo)o.BaseObject).ToDictionary(c => c.Name);
            // The cmdlets' own assembly and the one that declares their output types (InterviewTools.Contracts).
            var assemblies = Cmdlets.Values.Select(c => c.ImplementingType.Assembly)
                .Concat(Cmdlets.Values.SelectMany(c => c.OutputType).Select(t => t.Type?.Assembly).OfType<Assembly>())
                .Distinct();
            Types = assemblies.SelectMany(a => a.GetExportedTypes()).ToDictionary(t => t.Name);
            var errorCategories = Enum.GetNames(typeof(ErrorCategory)).ToHashSet();
            ErrorIds = ErrorTable.Read(Path.Combine(Repository.Root, "src"));
            Assert(ErrorIds.Count > 30, "the error table was not found in src/");
            Assert(ErrorIds.Values.SelectMany(c => c).All(errorCategories.Contains), "an error id has an unknown category");
            Views = FormatViews.Read(Path.Combine(Repository.Root, "module", "InterviewTools.format.ps1xml"));
        }

        public IReadOnlyDictionary<string, CmdletInfo> Cmdlets { get; }

        /// <summary>The module's public types by short name (PostSummary, PostSummaryStatus, QuotaState…).</summary>
        public IReadOnlyDictionary<string, Type> Types { get; }

        /// <summary>Every error id the module writes, with its ErrorCategory (an id written from two places has one each).</summary>
        public IReadOnlyDictionary<string, ISet<string>> ErrorIds { get; }

        public IReadOnlyList<FormatView> Views { get; }

        public static readonly ISet<string> CommonParameters =
            Cmdlet.CommonParameters.Concat(Cmdlet.OptionalCommonParameters).ToHashSet(StringComparer.OrdinalIgnoreCase);

        public string[] EnumNames(string type) => Enum.GetNames(Types[type]);

        public string[] PropertyNames(string type) => Types[type].GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToArray();

        /// <summary>The parameters help documents: the cmdlet's own, plus WhatIf and Confirm when it supports ShouldProcess.</summary>
        public IEnumerable<ParameterMetadata> DocumentedParameters(CmdletInfo cmdlet) =>
            cmdlet.Parameters.Values.Where(p => !CommonParameters.Contains(p.Name) || p.Name is "WhatIf" or "Confirm");

        public bool HasParameter(CmdletInfo cmdlet, string name) =>
            cmdlet.Parameters.Values.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
                                              || p.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase));

        public bool SupportsWildcards(CmdletInfo cmdlet, string parameter) =>
            cmdlet.ImplementingType.GetProperty(parameter)?.GetCustomAttributes(true).Any(a => a is SupportsWildcardsAttribute) == true;

        private static void Assert(bool condition, string message)
        {
            if (!condition) throw new InvalidOperationException(message);
        }
    }

    /// <summary>Error ids as the code creates them: ("Id", ErrorCategory.X, …), wherever the error table lives under src/.</summary>
    public static class ErrorTable
    {
        private static readonly Regex Entry = new Regex("\"([A-Z][A-Za-z0-9]+)\",\\s*ErrorCategory\\.([A-Za-z]+)");

        public static IReadOnlyDictionary<string, ISet<string>> Read(string sourceFolder)
        {
            var ids = new Dictionary<string, ISet<string>>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
            {
                foreach (Match match in Entry.Matches(File.ReadAllText(file)))
                {
                    if (!ids.TryGetValue(match.Groups[1].Value, out var categories)) ids[match.Groups[1].Value] = categories = new HashSet<string>();
                    categories.Add(match.Groups[2].Value);
                }
            }
            return ids;
        }
    }

    /// <summary>A table view of the format file: its name, the type it formats, its group heading if any, and its column labels in order.</summary>
    public sealed class FormatView
    {
        public FormatView(string name, string typeName, string? groupLabel, IReadOnlyList<string> columns)
        {
            Name = name;
            TypeName = typeName;
            GroupLabel = groupLabel;
            Columns = columns;
        }

        public string Name { get; }
        public string TypeName { get; }
        public string? GroupLabel { get; }
        public IReadOnlyList<string> Columns { get; }
        public override string ToString() => $"{Name}: {string.Join(", ", Columns)}";
    }

    public static class FormatViews
    {
        public static IReadOnlyList<FormatView> Read(string path)
        {
            var views = new List<FormatView>();
            foreach (var view in XDocument.Load(path).Descendants("View"))
            {
                var table = view.Element("TableControl");
                if (table == null) continue;
                var headers = table.Element("TableHeaders")!.Elements("TableColumnHeader").ToList();
                var items = table.Descendants("TableColumnItems").First().Elements("TableColumnItem").ToList();
                var columns = headers.Select((header, i) => header.Element("Label")?.Value ?? items[i].Element("PropertyName")!.Value).ToList();
                var groupLabel = view.Element("GroupBy")?.Element("Label")?.Value;
                views.Add(new FormatView(view.Element("Name")!.Value, view.Element("ViewSelectedBy")!.Element("TypeName")!.Value, groupLabel, columns));
            }
            return views;
        }
    }

    /// <summary>One help file's text, cut into prose and code, which the checks read differently.</summary>
    public sealed class HelpText
    {
        public HelpText(string name, string text, IReadOnlyList<string> prose, IReadOnlyList<string> code)
        {
            Name = name;
            Text = text;
            Prose = prose;
            Code = code;
        }

        /// <summary>Where it comes from, for messages, such as "zh-CN/about_InterviewTools.help.txt".</summary>
        public string Name { get; }

        /// <summary>All of it: prose and code.</summary>
        public string Text { get; }

        /// <summary>Paragraphs and lines of prose.</summary>
        public IReadOnlyList<string> Prose { get; }

        /// <summary>The code and output blocks (MAML examples, README code fences, about_ lines indented by 8 or more).</summary>
        public IReadOnlyList<string> Code { get; }

        /// <summary>Whether it documents only this module; the README also documents the build and the tests.</summary>
        public bool ModuleOnly => Name != "README.md";

        public override string ToString() => Name;

        public static readonly string[] Cultures = { "en-US", "zh-CN" };

        public static string ModuleFile(params string[] parts) => Path.Combine(new[] { Repository.Root, "module" }.Concat(parts).ToArray());

        public static HelpText About(string culture)
        {
            var text = File.ReadAllText(ModuleFile(culture, "about_InterviewTools.help.txt"));
            var lines = text.Split('\n');
            bool IsCode(string line) => line.StartsWith("        ", StringComparison.Ordinal);
            return new HelpText($"{culture}/about_InterviewTools.help.txt", text, lines.Where(l => !IsCode(l)).ToList(), lines.Where(IsCode).ToList());
        }

        public static HelpText Readme()
        {
            var text = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
            var fence = new Regex("(?ms)^```[a-z]*\\n(.*?)^```");
            var code = fence.Matches(text).Select(m => m.Groups[1].Value).ToList();
            return new HelpText("README.md", text, fence.Replace(text, string.Empty).Split('\n'), code);
        }

        public static HelpText Maml(string culture)
        {
            var document = MamlHelp.Load(culture);
            var prose = document.Root!.Descendants().Where(e => e.Name.LocalName is "para" or "title" or "linkText").Select(e => e.Value).ToList();
            var code = document.Root.Descendants(MamlHelp.Dev + "code").Select(e => e.Value).ToList();
            return new HelpText($"{culture}/InterviewTools.dll-Help.xml", string.Join("\n", prose.Concat(code)), prose, code);
        }
    }

    public static class MamlHelp
    {
        public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
        public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

        public static XDocument Load(string culture) => XDocument.Load(HelpText.ModuleFile(culture, "InterviewTools.dll-Help.xml"));

        public static IEnumerable<XElement> Commands(XDocument document) => document.Root!.Elements(Command + "command");

        public static string NameOf(XElement command) => command.Element(Command + "details")!.Element(Command + "name")!.Value;

        public static string ParameterName(XElement parameter) => parameter.Element(Maml + "name")!.Value;

        public static IEnumerable<XElement> SyntaxItems(XElement command) => command.Element(Command + "syntax")!.Elements(Command + "syntaxItem");

        public static IEnumerable<XElement> Parameters(XElement command) => command.Element(Command + "parameters")!.Elements(Command + "parameter");

        public static IEnumerable<XElement> Examples(XElement command) => command.Element(Command + "examples")!.Elements(Command + "example");

        public static string Paragraphs(XElement? element) =>
            element == null ? string.Empty : string.Join("\n", element.Descendants(Maml + "para").Select(p => p.Value));
    }
}
