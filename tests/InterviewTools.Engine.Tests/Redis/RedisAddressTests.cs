using System;
using System.Collections.Generic;
using InterviewTools.Engine.Redis;
using Xunit;

namespace InterviewTools.Engine.Tests.Redis
{
    public sealed class RedisAddressTests
    {
        private static Func<string, string?> Env(params (string Name, string Value)[] variables)
        {
            var map = new Dictionary<string, string>();
            foreach (var (name, value) in variables) map[name] = value;
            return name => map.TryGetValue(name, out var value) ? value : null;
        }

        [Theory]
        [InlineData("redis://127.0.0.1:6379/0", "redis://127.0.0.1:6379/0", false)]
        [InlineData("redis://cache.example", "redis://cache.example:6379/0", false)]
        [InlineData("rediss://fleet:p%40ss@cache.example:6380/3", "rediss://fleet:***@cache.example:6380/3", true)]
        [InlineData("redis://:secret@10.0.0.5/1", "redis://:***@10.0.0.5:6379/1", false)]
        public void TheUrlIsReadAndShownWithThePasswordMasked(string url, string shown, bool tls)
        {
            var address = RedisAddress.Parse(url, Env());

            Assert.Equal(shown, address.ToString());
            Assert.Equal(tls, address.Tls);
            Assert.Equal(tls, address.Options(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).Ssl);
        }

        [Fact]
        public void APasswordNotInTheUrlComesFromTheEnvironmentAndIsNeverShown()
        {
            var address = RedisAddress.Parse("redis://cache.example:6379/0", Env((RedisAddress.PasswordVariable, "from-env-pw"), (RedisAddress.UserVariable, "ci")));

            Assert.Equal("redis://ci:***@cache.example:6379/0", address.ToString());
            Assert.Equal("from-env-pw", address.Options(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).Password);
            Assert.Equal("ci", address.Options(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).User);
        }

        [Theory]
        [InlineData("http://cache.example:6379/0")]
        [InlineData("redis:///0")]
        [InlineData("redis://cache.example:6379/db")]
        [InlineData("redis://:hunter2@cache.example:6379/99")]
        public void AnythingElseIsRefusedWithoutEchoingAPassword(string url)
        {
            var error = Assert.Throws<ArgumentException>(() => RedisAddress.Parse(url, Env()));

            Assert.DoesNotContain("hunter2", error.Message);
        }
    }
}
