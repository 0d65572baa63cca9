using System;
using System.Linq;
using System.Text.Json;
using InterviewTools.Engine.Summaries;
using Xunit;

namespace InterviewTools.Engine.Tests.Architecture
{
    /// <summary>The output types are declared once, in InterviewTools.Contracts: the engine neither mirrors them nor converts them by number.</summary>
    public sealed class RecordTests
    {
        private static readonly Type[] ContractEnums = typeof(PostSummary).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToArray();
        private static readonly Type[] OutputRecords = { typeof(PostSummary), typeof(QuotaStatus), typeof(PostSummaryCacheEntry) };

        [Fact]
        public void EveryEnumUsersMeetIsLongBackedSoConvertToJsonWritesItsName()
        {
            // PowerShell's ConvertTo-Json writes an enum backed by long (or ulong) as its name, and any other as a number.
            var enumsOnRecords = from record in OutputRecords
                                 from property in record.GetProperties()
                                 let type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType
                                 where type.IsEnum
                                 select type;
            var wrong = ContractEnums.Concat(enumsOnRecords).Distinct()
                .Where(e => Enum.GetUnderlyingType(e) != typeof(long))
                .Select(e => $"{e.FullName} is backed by {Enum.GetUnderlyingType(e).Name}: declare it ': long' in InterviewTools.Contracts");

            Assert.Contains(typeof(LimitSource), ContractEnums);
            Assert.Empty(wrong);
        }

        [Fact]
        public void NoEngineEnumMirrorsAnOutputEnum()
        {
            var engineEnums = typeof(PostSummarizer).Assembly.GetTypes().Where(t => t.IsEnum).ToList();

            var mirrors = from contract in ContractEnums
                          from engine in engineEnums
                          where Enum.GetNames(engine).OrderBy(n => n).SequenceEqual(Enum.GetNames(contract).OrderBy(n => n))
                          select $"{engine.FullName} mirrors {contract.FullName}";

            Assert.Empty(mirrors);
        }

        [Fact]
        public void NoEngineTypeRedeclaresThePostRecordOrTheQuotaRow()
        {
            // A type with most of a record's property names is a copy of it, whatever it is called.
            var copies = from type in typeof(PostSummarizer).Assembly.GetTypes()
                         from record in OutputRecords
                         let names = record.GetProperties().Select(p => p.Name).ToHashSet()
                         let shared = type.GetProperties().Count(p => names.Contains(p.Name))
                         where shared * 2 > names.Count
                         select $"{type.FullName} repeats {shared} of {names.Count} properties of {record.FullName}";

            Assert.Empty(copies);
        }

        [Theory]
        [InlineData(typeof(PostSummaryStatus))]
        [InlineData(typeof(PostSummaryProvider))]
        public void EveryMemberOfAnOutputEnumIsStoredInTheCacheByName(Type enumType)
        {
            var options = InterviewTools.Engine.Cache.CacheJson.Files.Options;
            foreach (var value in Enum.GetValues(enumType))
            {
                var json = JsonSerializer.Serialize(value, enumType, options);

                Assert.Equal($"\"{Enum.GetName(enumType, value)}\"", json);
                Assert.Equal(value, JsonSerializer.Deserialize(json, enumType, options));
            }
        }
    }
}
