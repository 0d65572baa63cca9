using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;
using static InterviewTools.Tests.MamlHelp;

namespace InterviewTools.Tests
{
    /// <summary>
    /// The help (MAML and about_ in en-US and zh-CN) and the README name only parameters, statuses, states, error ids,
    /// columns and properties the module has, and describe all of them where they give a complete list (issue 13).
    /// </summary>
    [Collection(HostedCollection.Name)]
    public sealed class HelpMatchesBehaviourTests : IClassFixture<ModuleFacts>
    {
        private static readonly Regex ModuleCmdletName = new Regex(@"\b(?:Invoke|Export|Import|Get|Set|Reset|Clear|New|Remove|Test|Update)-(?:PostSummary|QuotaStatus)\w*\b");
        private static readonly Regex DashWord = new Regex(@"(?<=^|[\s(`\[{""'，（、；：])-([A-Za-z][A-Za-z0-9]*)(?=$|[\s:`)\]},.;'""，。、；：）])", RegexOptions.Multiline);
        private static readonly Regex CamelCase = new Regex(@"(?<![\w.$-])[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b");

        /// <summary>Parameters of other commands that the help names on their own, such as "with -Raw".</summary>
        private static readonly string[] OutsideParameters = { "Name", "Raw", "File", "Filter", "AllDocuments", "Property", "Sum", "Encoding", "Width", "KeepArray", "EnumsAsStrings", "Depth" };

        /// <summary>PowerShell's operators, which the examples use in Where-Object and friends.</summary>
        private static readonly string[] Operators = { "eq", "ne", "gt", "ge", "lt", "le", "like", "notlike", "match", "notmatch", "in", "notin", "contains", "and", "or", "not", "f", "join", "split", "replace", "is", "as" };

        private readonly ModuleFacts _module;

        public HelpMatchesBehaviourTests(ModuleFacts module) => _module = module;

        public static IEnumerable<object[]> Cultures() => HelpText.Cultures.Select(c => new object[] { c });

        public static IEnumerable<object[]> AllHelp() => new[] { "en-US MAML", "zh-CN MAML", "en-US about", "zh-CN about", "README" }.Select(n => new object[] { n });

        private static HelpText Help(string name) => name switch
        {
            "en-US MAML" => HelpText.Maml("en-US"),
            "zh-CN MAML" => HelpText.Maml("zh-CN"),
            "en-US about" => HelpText.About("en-US"),
            "zh-CN about" => HelpText.About("zh-CN"),
            _ => HelpText.Readme(),
        };

        [Theory]
        [MemberData(nameof(Cultures))]
        public void MamlDocumentsEveryCmdletWithExactlyItsParametersAndTheirBinding(string culture)
        {
            var problems = new List<string>();
            var documented = Commands(Load(culture)).ToDictionary(NameOf);
            problems.AddRange(_module.Cmdlets.Keys.Except(documented.Keys).Select(c => $"{c} has no help"));
            foreach (var (name, command) in documented)
            {
                if (!_module.Cmdlets.TryGetValue(name, out var cmdlet))
                {
                    problems.Add($"help for {name}, which the module does not have");
                    continue;
                }
                var actual = _module.DocumentedParameters(cmdlet).ToDictionary(p => p.Name);
                var listed = Parameters(command).ToList();
                var names = listed.Select(ParameterName).ToList();
                problems.AddRange(names.Except(actual.Keys).Select(p => $"{name}: documents -{p}, which it does not have"));
                problems.AddRange(actual.Keys.Except(names).Select(p => $"{name}: -{p} is not documented"));
                foreach (var parameter in listed.Where(p => actual.ContainsKey(ParameterName(p))))
                {
                    var metadata = actual[ParameterName(parameter)];
                    var where = $"{name} -{metadata.Name}";
                    Compare(problems, where, "aliases", Aliases(metadata), parameter.Attribute("aliases")!.Value);
                    Compare(problems, where, "globbing", _module.SupportsWildcards(cmdlet, metadata.Name) ? "true" : "false", parameter.Attribute("globbing")!.Value);
                    Compare(problems, where, "type", TypeName(metadata.ParameterType), parameter.Element(Dev + "type")!.Element(Maml + "name")!.Value);
                    Compare(problems, where, "pipelineInput", PipelineInput(metadata.ParameterSets.Values), parameter.Attribute("pipelineInput")!.Value);
                }
                problems.AddRange(SyntaxProblems(name, cmdlet, command));
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        private IEnumerable<string> SyntaxProblems(string name, CmdletInfo cmdlet, XElement command)
        {
            var sets = cmdlet.ParameterSets.Select(set => set.Parameters.Where(p => !ModuleFacts.CommonParameters.Contains(p.Name) || p.Name is "WhatIf" or "Confirm").ToList()).ToList();
            var items = SyntaxItems(command).ToList();
            if (items.Count != sets.Count) yield return $"{name}: {items.Count} syntax items for {sets.Count} parameter sets";
            foreach (var item in items)
            {
                var parameters = item.Elements(Command + "parameter").ToList();
                var names = parameters.Select(ParameterName).ToHashSet();
                var set = sets.FirstOrDefault(s => s.Select(p => p.Name).ToHashSet().SetEquals(names));
                if (set == null)
                {
                    yield return $"{name}: no parameter set has exactly the syntax item {string.Join(", ", names)}";
                    continue;
                }
                foreach (var parameter in parameters)
                {
                    var metadata = set.Single(p => p.Name == ParameterName(parameter));
                    var where = $"{name} -{metadata.Name} (syntax {string.Join(",", names.Take(1))}…)";
                    var problems = new List<string>();
                    Compare(problems, where, "required", metadata.IsMandatory ? "true" : "false", parameter.Attribute("required")!.Value);
                    Compare(problems, where, "position", metadata.Position < 0 ? "named" : metadata.Position.ToString(), parameter.Attribute("position")!.Value);
                    Compare(problems, where, "pipelineInput", PipelineInput(metadata.ValueFromPipeline, metadata.ValueFromPipelineByPropertyName), parameter.Attribute("pipelineInput")!.Value);
                    foreach (var problem in problems) yield return problem;
                }
            }
        }

        [Fact]
        public void ZhCnMamlIsATranslationOfEnUsWithTheSameStructureAndTheSameCode()
        {
            var english = Commands(Load("en-US")).ToList();
            var chinese = Commands(Load("zh-CN")).ToList();
            var problems = new List<string>();

            Assert.Equal(english.Select(NameOf), chinese.Select(NameOf));
            foreach (var (en, zh) in english.Zip(chinese))
            {
                var name = NameOf(en);
                Compare(problems, name, "syntax", Syntax(en), Syntax(zh));
                Compare(problems, name, "parameters", string.Join(", ", Parameters(en).Select(ParameterName)), string.Join(", ", Parameters(zh).Select(ParameterName)));
                Compare(problems, name, "input and output types", Types(en), Types(zh));
                Compare(problems, name, "related links", string.Join(", ", en.Descendants(Maml + "linkText").Select(l => l.Value)), string.Join(", ", zh.Descendants(Maml + "linkText").Select(l => l.Value)));
                var enExamples = Examples(en).ToList();
                var zhExamples = Examples(zh).ToList();
                Compare(problems, name, "examples", enExamples.Count.ToString(), zhExamples.Count.ToString());
                foreach (var (e, z) in enExamples.Zip(zhExamples))
                {
                    if (e.Element(Dev + "code")!.Value != z.Element(Dev + "code")!.Value) problems.Add($"{name}: the code of '{e.Element(Maml + "title")!.Value}' differs in zh-CN");
                }
                foreach (var paragraph in zh.Descendants(Maml + "para").Select(p => p.Value).Where(p => !Regex.IsMatch(p, @"\p{IsCJKUnifiedIdeographs}")))
                {
                    problems.Add($"{name}: zh-CN paragraph without Chinese: {paragraph}");
                }
                foreach (var title in zhExamples.Select(z => z.Element(Maml + "title")!.Value).Where(t => !Regex.IsMatch(t, @"\p{IsCJKUnifiedIdeographs}")))
                {
                    problems.Add($"{name}: zh-CN example title without Chinese: {title}");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(AllHelp))]
        public void EveryCmdletAndParameterTheHelpNamesExists(string name)
        {
            var help = Help(name);
            var problems = new List<string>();
            var every = _module.Cmdlets.Values.SelectMany(c => c.Parameters.Values.SelectMany(p => p.Aliases.Append(p.Name)))
                .Concat(OutsideParameters).Concat(Operators).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (Match cmdletName in ModuleCmdletName.Matches(help.Text))
            {
                if (!_module.Cmdlets.ContainsKey(cmdletName.Value)) problems.Add($"{help}: {cmdletName.Value} is not a cmdlet of the module");
            }
            // A parameter after a cmdlet of the module, up to where its command ends, must be that cmdlet's. In code a command
            // ends at a pipe or a semicolon (a parenthesised command inside it is another's); in prose also at a sentence or clause end.
            var calls = help.Code.SelectMany(c => c.Split('\n')).Select(l => (Line: l, Text: WithoutSubexpressions(l), End: "[|;]"))
                .Concat(help.Prose.Select(p => (Line: p, Text: p, End: @"[|;`。，；、]|[.,] ")));
            foreach (var (line, text, end) in calls)
            {
                foreach (Match call in ModuleCmdletName.Matches(text))
                {
                    if (!_module.Cmdlets.TryGetValue(call.Value, out var cmdlet)) continue;
                    var rest = Regex.Split(text.Substring(call.Index + call.Length), end)[0];
                    foreach (Match parameter in DashWord.Matches(rest))
                    {
                        var parameterName = parameter.Groups[1].Value;
                        if (!_module.HasParameter(cmdlet, parameterName)) problems.Add($"{help}: {cmdlet.Name} has no -{parameterName}: {Shorten(line)}");
                    }
                }
            }
            // Elsewhere a -Name must at least be a parameter of some cmdlet of the module (the README also documents build.ps1 and dotnet).
            if (help.ModuleOnly)
            {
                foreach (Match parameter in DashWord.Matches(help.Text))
                {
                    if (!every.Contains(parameter.Groups[1].Value)) problems.Add($"{help}: no cmdlet of the module has -{parameter.Groups[1].Value}");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(AllHelp))]
        public void EveryStatusAndStateTheHelpNamesExists(string name)
        {
            var help = Help(name);
            var problems = new List<string>();
            var statuses = _module.EnumNames("PostSummaryStatus");
            var states = _module.EnumNames("QuotaState");
            var identifiers = KnownIdentifiers();
            identifiers.UnionWith(_module.Views.SelectMany(v => v.Columns));
            foreach (var (property, values) in new[] { ("Status", statuses), ("State", states) })
            {
                // "Status Cached", "Status: Failed", "Status -eq 'Deferred'", "Status 为 Cached", "Status `Succeeded`"; a following
                // column label or property is a table header or a list, not a value.
                foreach (Match mention in Regex.Matches(help.Text, $@"\b{property}\b(?:[ \t]*-eq[ \t]*|[ \t]*:[ \t]*|[ \t]+is[ \t]+|[ \t]*为[ \t]*| )['""`]?([A-Z][A-Za-z]+)\b"))
                {
                    var value = mention.Groups[1].Value;
                    if (!values.Contains(value) && (!identifiers.Contains(value) || Regex.IsMatch(mention.Value, "[-:'\"`为]")))
                    {
                        problems.Add($"{help}: {property} {value} does not exist ({string.Join(", ", values)})");
                    }
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void TheCompleteListsOfStatusesStatesAndPropertiesAreComplete(string culture)
        {
            var about = HelpText.About(culture);
            var problems = new List<string>();
            var statusSection = Section(about.Text, culture == "en-US" ? "STATUSES" : "状态");
            Compare(problems, about.Name, "the statuses it defines", Sorted(_module.EnumNames("PostSummaryStatus")),
                Sorted(Regex.Matches(statusSection, @"(?m)^    ([A-Z][a-z]+) {2,}").Select(m => m.Groups[1].Value)));
            var stateList = DefinitionList(about.Text, culture == "en-US" ? "The State property is one of:" : "State 属性取以下值之一：");
            Compare(problems, about.Name, "the states it defines", Sorted(_module.EnumNames("QuotaState")), Sorted(stateList));
            var objectSection = Section(about.Text, "THE POSTSUMMARY OBJECT", "POSTSUMMARY 对象");
            Compare(problems, about.Name, "the PostSummary properties, in order", string.Join(", ", _module.PropertyNames("PostSummary")),
                string.Join(", ", Regex.Matches(objectSection, @"(?m)^        ([A-Z]\w+) +\[").Select(m => m.Groups[1].Value)));

            var invoke = Commands(Load(culture)).Single(c => NameOf(c) == "Invoke-PostSummary");
            var outputs = Paragraphs(invoke.Element(Command + "returnValues"));
            problems.AddRange(_module.EnumNames("PostSummaryStatus").Where(s => !Regex.IsMatch(outputs, $@"\b{s}\b")).Select(s => $"{culture} MAML: the OUTPUTS of Invoke-PostSummary do not name the Status {s}"));
            problems.AddRange(_module.PropertyNames("PostSummary").Where(p => !Regex.IsMatch(outputs, $@"\b{p}\b")).Select(p => $"{culture} MAML: the OUTPUTS of Invoke-PostSummary do not name the property {p}"));
            var quota = Commands(Load(culture)).Single(c => NameOf(c) == "Get-QuotaStatus");
            var stateParameter = Paragraphs(Parameters(quota).Single(p => ParameterName(p) == "State"));
            problems.AddRange(_module.EnumNames("QuotaState").Where(s => !stateParameter.Contains(s)).Select(s => $"{culture} MAML: Get-QuotaStatus -State does not name {s}"));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void TheReadmeListsEveryStatusAndEveryPostSummaryProperty()
        {
            var readme = HelpText.Readme().Text;
            var statusRow = Regex.Match(readme, @"(?m)^\| Status \|(.*)\|$").Groups[1].Value;
            var problems = _module.EnumNames("PostSummaryStatus").Where(s => !statusRow.Contains($"`{s}`")).Select(s => $"README: the Status row does not name `{s}`").ToList();
            var propertyTable = Regex.Match(readme, @"(?ms)^\| Property \| Meaning \|\n\|---\|---\|\n(.*?)\n\n").Groups[1].Value;
            var documented = Regex.Matches(propertyTable, @"(?m)^\| ([^|]+) \|").SelectMany(m => m.Groups[1].Value.Split(", ")).ToList();
            Compare(problems, "README", "the PostSummary property table", Sorted(_module.PropertyNames("PostSummary")), Sorted(documented));
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(AllHelp))]
        public void EveryErrorIdTheHelpNamesExistsWithItsCategory(string name)
        {
            var help = Help(name);
            var problems = new List<string>();
            var prefixes = _module.ErrorIds.Keys.Select(id => Regex.Match(id, "^[A-Z][a-z0-9]+").Value).ToHashSet();
            var known = KnownIdentifiers();
            foreach (Match word in CamelCase.Matches(help.Text))
            {
                var id = word.Value;
                if (_module.ErrorIds.ContainsKey(id) || known.Contains(id) || !prefixes.Contains(Regex.Match(id, "^[A-Z][a-z0-9]+").Value)) continue;
                problems.Add($"{help}: {id} looks like an error id but the module has no such error (nor such a type, property, parameter or value)");
            }
            // "Id (Category)", as the about_ ERRORS section and the README tables write them.
            foreach (Match entry in Regex.Matches(help.Text, @"`?\b([A-Z][A-Za-z]+)`? \(([A-Z][A-Za-z]+)\)"))
            {
                if (_module.ErrorIds.TryGetValue(entry.Groups[1].Value, out var categories) && !categories.Contains(entry.Groups[2].Value))
                {
                    problems.Add($"{help}: {entry.Groups[1].Value} is written with the category {string.Join("/", categories)}, not {entry.Groups[2].Value}");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void TheAboutTopicDescribesEveryErrorId(string culture)
        {
            var about = HelpText.About(culture);
            var section = Section(about.Text, culture == "en-US" ? "ERRORS" : "错误");
            var described = Regex.Matches(section, @"(?m)^    ([A-Z][A-Za-z]+) \([A-Z][A-Za-z]+\)").Select(m => m.Groups[1].Value).ToHashSet();

            var problems = _module.ErrorIds.Keys.Except(described).OrderBy(id => id).Select(id => $"{about.Name} does not describe the error {id}")
                .Concat(described.Except(_module.ErrorIds.Keys).Select(id => $"{about.Name} describes the error {id}, which the module never writes")).ToList();
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Fact]
        public void TheReadmeErrorTablesGiveEachIdItsCategory()
        {
            var problems = new List<string>();
            var categories = Enum.GetNames(typeof(ErrorCategory)).ToHashSet();
            foreach (Match row in Regex.Matches(HelpText.Readme().Text, @"(?m)^\| ([^|]+) \| ([^|]+) \| [^|]+ \|$"))
            {
                var named = row.Groups[2].Value.Split('/').Select(c => c.Trim()).ToList();
                if (!named.All(categories.Contains)) continue;
                var ids = Regex.Matches(row.Groups[1].Value, "[A-Z][A-Za-z]+").Select(m => m.Value).ToList();
                problems.AddRange(ids.Where(id => !_module.ErrorIds.ContainsKey(id)).Select(id => $"README: the error table names {id}, which the module never writes"));
                var actual = ids.Where(_module.ErrorIds.ContainsKey).SelectMany(id => _module.ErrorIds[id]).ToHashSet();
                if (!actual.SetEquals(named)) problems.Add($"README: {row.Groups[1].Value} are written with {string.Join(" / ", actual)}, not {row.Groups[2].Value}");
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(AllHelp))]
        public void EveryTableTheHelpShowsHasTheColumnsOfAView(string name)
        {
            var help = Help(name);
            var labels = _module.Views.SelectMany(v => v.Columns).ToHashSet();
            var problems = new List<string>();
            var lines = help.Text.Split('\n');
            for (var i = 1; i < lines.Length; i++)
            {
                if (!Regex.IsMatch(lines[i], @"^\s*-{2,}(?: +-{2,})+\s*$")) continue;
                var header = lines[i - 1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!header.Any(labels.Contains)) continue;
                if (!_module.Views.Any(v => v.Columns.Take(header.Length).SequenceEqual(header)))
                {
                    problems.Add($"{help}: the table '{string.Join(" ", header)}' is not the start of any default view ({string.Join("; ", _module.Views)})");
                }
            }
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }

        [Theory]
        [MemberData(nameof(Cultures))]
        public void TheAboutTopicExplainsEveryColumnOfEveryDefaultTable(string culture)
        {
            var about = HelpText.About(culture);
            var lead = culture == "en-US" ? "with these columns:" : "包含以下列：";
            var lists = Regex.Matches(about.Text, Regex.Escape(lead) + "\n").Select(m => DefinitionListAfter(about.Text, m.Index + m.Length)).ToList();

            foreach (var list in lists)
            {
                Assert.True(_module.Views.Any(v => v.Columns.SequenceEqual(list)), $"{about.Name}: the column list {string.Join(", ", list)} is no default view ({string.Join("; ", _module.Views)})");
            }
            foreach (var view in _module.Views)
            {
                Assert.True(lists.Any(l => l.SequenceEqual(view.Columns)), $"{about.Name} has no '{lead}' list of the columns of {view}");
            }
        }

        [Fact]
        public void TheReadmeColumnTableNamesRealColumnsAndProperties()
        {
            var readme = HelpText.Readme().Text;
            var table = Regex.Match(readme, @"(?ms)^\| Column \| Property \| Meaning \|\n\|---\|---\|---\|\n(.*?)\n\n").Groups[1].Value;
            var rows = Regex.Matches(table, @"(?m)^\| ([^|]+) \| ([^|]+) \|").ToList();
            Assert.NotEmpty(rows);
            var quotaView = _module.Views.Single(v => v.TypeName == "InterviewTools.QuotaStatus");
            var properties = _module.PropertyNames("QuotaStatus");
            var columns = rows.SelectMany(r => r.Groups[1].Value.Split(", ")).ToList();
            var named = rows.SelectMany(r => Regex.Split(r.Groups[2].Value, ", | / ")).ToList();
            var heading = quotaView.GroupLabel == null ? Array.Empty<string>() : new[] { quotaView.GroupLabel + " (group heading)" };

            Assert.Equal(heading.Concat(quotaView.Columns), columns);
            Assert.Empty(named.Except(properties));
        }

        private HashSet<string> KnownIdentifiers()
        {
            // SummaryEngine: the engine's front door, which the README's layout names.
            var known = new HashSet<string>(StringComparer.Ordinal) { "GeminiKey", "PowerShell", "SummaryEngine" };
            known.UnionWith(_module.Types.Keys);
            foreach (var type in _module.Types.Values)
            {
                known.UnionWith(type.GetProperties().Select(p => p.Name));
                if (type.IsEnum) known.UnionWith(Enum.GetNames(type));
            }
            foreach (var cmdlet in _module.Cmdlets.Values)
            {
                known.Add(cmdlet.Noun);
                known.UnionWith(cmdlet.Parameters.Values.SelectMany(p => p.Aliases.Append(p.Name)));
            }
            return known;
        }

        private static string Section(string about, params string[] headings)
        {
            foreach (var heading in headings)
            {
                var match = Regex.Match(about, $@"(?ms)^  {Regex.Escape(heading)}\n(.*?)(?=^  \S|^\S|\z)");
                if (match.Success) return match.Groups[1].Value;
            }
            throw new InvalidOperationException($"no section {string.Join(" or ", headings)}");
        }

        private static List<string> DefinitionList(string text, string lead)
        {
            var at = text.IndexOf(lead + "\n", StringComparison.Ordinal);
            Assert.True(at >= 0, $"no '{lead}'");
            return DefinitionListAfter(text, at + lead.Length + 1);
        }

        /// <summary>The terms of the indented list after a lead line: blank lines, then "        Term   meaning" lines and their deeper continuations.</summary>
        private static List<string> DefinitionListAfter(string text, int start)
        {
            var terms = new List<string>();
            int? indent = null;
            foreach (var line in text.Substring(start).Split('\n'))
            {
                if (line.Trim().Length == 0)
                {
                    if (indent != null) break;
                    continue;
                }
                var depth = line.Length - line.TrimStart().Length;
                indent ??= depth;
                if (depth < indent) break;
                if (depth == indent) terms.Add(line.Trim().Split(' ')[0]);
            }
            return terms;
        }

        private static string WithoutSubexpressions(string line)
        {
            string previous;
            do
            {
                previous = line;
                line = Regex.Replace(line, @"\([^()]*\)", "()");
            }
            while (line != previous);
            return line;
        }

        private static string Shorten(string line) => line.Trim().Length > 160 ? line.Trim().Substring(0, 160) + "…" : line.Trim();

        private static string Aliases(ParameterMetadata metadata) => metadata.Aliases.Count == 0 ? "none" : string.Join(", ", metadata.Aliases.OrderBy(a => a));

        private static void Compare(List<string> problems, string where, string what, string expected, string documented)
        {
            if (what == "aliases") documented = documented == "none" ? documented : string.Join(", ", documented.Split(", ").OrderBy(a => a));
            if (expected != documented) problems.Add($"{where}: {what} is '{expected}' but the help says '{documented}'");
        }

        private static string TypeName(Type type)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            return underlying.IsArray ? (Nullable.GetUnderlyingType(underlying.GetElementType()!) ?? underlying.GetElementType()!).Name + "[]" : underlying.Name;
        }

        private static string PipelineInput(IEnumerable<ParameterSetMetadata> sets)
        {
            var all = sets.ToList();
            return PipelineInput(all.Any(s => s.ValueFromPipeline), all.Any(s => s.ValueFromPipelineByPropertyName));
        }

        private static string PipelineInput(bool byValue, bool byPropertyName) => (byValue, byPropertyName) switch
        {
            (true, true) => "True (ByPropertyName, ByValue)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };

        private static string Syntax(XElement command) =>
            string.Join(" | ", SyntaxItems(command).Select(i => string.Join(",", i.Elements(Command + "parameter").Select(p =>
                $"{ParameterName(p)}:{p.Attribute("required")!.Value}:{p.Attribute("position")!.Value}:{p.Attribute("pipelineInput")!.Value}:{p.Attribute("aliases")!.Value}"))));

        private static string Types(XElement command) =>
            string.Join(", ", command.Descendants(Dev + "type").Where(t => t.Parent!.Name.LocalName is "inputType" or "returnValue").Select(t => t.Element(Maml + "name")!.Value));

        private static string Sorted(IEnumerable<string> names) => string.Join(", ", names.OrderBy(n => n, StringComparer.Ordinal));
    }
}
