using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading.Tasks;
using InterviewTools.Engine.State;
using Xunit;

namespace InterviewTools.Engine.Tests.State
{
    public sealed class StateFileTests : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "it-state-" + Guid.NewGuid().ToString("N"));
        private readonly List<string> _warnings = new List<string>();

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }

        [Fact]
        public void ConcurrentUpdatesFromManyWritersAreAllKept()
        {
            var path = Path.Combine(_folder, "counter.json");

            Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
            {
                var file = NewFile(path);
                for (var i = 0; i < 50; i++) file.Update(state => state.Count++);
            });

            Assert.Equal(400, NewFile(path).Read().Count);
            Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
        }

        [Fact]
        public void UpdateWaitsForALockHeldElsewhereAndGivesUpWithAClearError()
        {
            var path = Path.Combine(_folder, "held.json");
            Directory.CreateDirectory(_folder);
            using (new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                var file = new StateFile<Counter>(path, Json, new WarningLog(_warnings.Add), TimeSpan.FromMilliseconds(200));
                var error = Assert.Throws<StateLockTimeoutException>(() => file.Update(state => state.Count++));
                Assert.Contains("held.json.lock", error.Message);
            }
            NewFile(path).Update(state => state.Count++);
            Assert.Equal(1, NewFile(path).Read().Count);
        }

        [Fact]
        public void ACorruptDocumentIsSetAsideAndRebuiltWithAWarning()
        {
            var path = Path.Combine(_folder, "ledger.json");
            Directory.CreateDirectory(_folder);
            File.WriteAllText(path, "{\"Count\": 7, \"Na");

            NewFile(path).Update(state => state.Count++);

            Assert.Equal(1, NewFile(path).Read().Count);
            var backup = Assert.Single(Directory.GetFiles(_folder, "ledger.json.corrupt-*"));
            Assert.Equal("{\"Count\": 7, \"Na", File.ReadAllText(backup));
            Assert.Contains(_warnings, w => w.Contains(backup));
        }

        [Fact]
        public void ReadingAMissingFileGivesAnEmptyDocumentWithoutCreatingIt()
        {
            var path = Path.Combine(_folder, "absent.json");

            Assert.Equal(0, NewFile(path).Read().Count);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void OnUnixTheFileAndItsDirectoryAreForTheUserOnly()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            var path = Path.Combine(_folder, "private", "ledger.json");

            NewFile(path).Update(state => state.Count++);

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }

        [Fact]
        public void TheStateDirectoryFollowsTheOverrideThenXdg()
        {
            var overridden = StateDirectory.Resolve(name => name == StateDirectory.OverrideVariable ? _folder : null);
            var xdg = StateDirectory.Resolve(name => name == "XDG_STATE_HOME" ? "/tmp/xdg-state" : name == "HOME" ? "/home/u" : null);
            var home = StateDirectory.Resolve(name => name == "HOME" ? "/home/u" : null);

            Assert.Equal(_folder, overridden);
            Assert.Equal(Path.Combine(_folder, "config.yaml"), StateDirectory.ConfigFile(name => name == StateDirectory.OverrideVariable ? _folder : null));
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            Assert.Equal("/tmp/xdg-state/interviewtools", xdg);
            Assert.Equal("/home/u/.local/state/interviewtools", home);
            Assert.Equal("/home/u/.config/interviewtools/config.yaml", StateDirectory.ConfigFile(name => name == "HOME" ? "/home/u" : null));
        }

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions();

        private StateFile<Counter> NewFile(string path) => new StateFile<Counter>(path, Json, new WarningLog(_warnings.Add));

        public sealed class Counter
        {
            public int Count { get; set; }
        }
    }
}
