using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.State
{
    /// <summary>
    /// A JSON document shared by every process of this user: changes happen under a cross-process lock file and land by
    /// atomic rename, so a reader sees the old or the new document, never half of one. A corrupt document is set aside and rebuilt.
    /// </summary>
    internal sealed class StateFile<T> where T : class, new()
    {
        private static readonly ConcurrentDictionary<string, object> InProcessGates = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
        private readonly JsonSerializerOptions _json;
        private readonly TimeSpan _lockTimeout;
        private readonly IEngineLog _log;
        private int _toldUnreadable;

        public StateFile(string path, JsonSerializerOptions json, IEngineLog log, TimeSpan? lockTimeout = null)
        {
            Path = System.IO.Path.GetFullPath(path);
            _json = json;
            _log = log;
            _lockTimeout = lockTimeout ?? TimeSpan.FromSeconds(30);
        }

        public string Path { get; }

        /// <summary>The latest committed document, without taking the lock.</summary>
        public T Read()
        {
            var bytes = ReadBytes();
            return bytes == null ? new T() : Deserialize(bytes, setAsideWhenCorrupt: false);
        }

        /// <summary>Reads the latest document, lets <paramref name="change"/> edit it and commits it, all under the lock.</summary>
        public TResult Update<TResult>(Func<T, TResult> change)
        {
            var gate = InProcessGates.GetOrAdd(Path, _ => new object());
            lock (gate)
            {
                using (AcquireFileLock())
                {
                    var bytes = ReadBytes();
                    var state = bytes == null ? new T() : Deserialize(bytes, setAsideWhenCorrupt: true);
                    var result = change(state);
                    Write(state);
                    return result;
                }
            }
        }

        private byte[]? ReadBytes()
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return File.Exists(Path) ? File.ReadAllBytes(Path) : null;
                }
                catch (IOException) when (attempt < 20)
                {
                    Thread.Sleep(5);
                }
            }
        }

        private T Deserialize(byte[] bytes, bool setAsideWhenCorrupt)
        {
            try
            {
                return JsonSerializer.Deserialize<T>(bytes, _json) ?? throw new JsonException("The document is null.");
            }
            catch (JsonException e)
            {
                if (!setAsideWhenCorrupt)
                {
                    if (Interlocked.Exchange(ref _toldUnreadable, 1) == 0) _log.Warning($"{Path} is unreadable ({e.Message}); it reads as empty until the next change sets it aside and rebuilds it.");
                    return new T();
                }
                var backup = Path + ".corrupt-" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
                File.Copy(Path, backup, overwrite: true);
                _log.Warning($"{Path} was unreadable ({e.Message}); it was saved as {backup} and rebuilt empty.");
                return new T();
            }
        }

        private void Write(T state) => AtomicFile.Write(Path, stream => JsonSerializer.Serialize(stream, state, _json), flushToDisk: false);

        private FileStream AcquireFileLock()
        {
            var lockPath = Path + ".lock";
            StateDirectory.Ensure(System.IO.Path.GetDirectoryName(lockPath)!);
            var deadline = DateTime.UtcNow + _lockTimeout;
            var pause = 1;
            while (true)
            {
                try
                {
                    var created = !File.Exists(lockPath);
                    var handle = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                    if (created) UnixPermissions.RestrictToUser(lockPath, isDirectory: false);
                    return handle;
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(pause);
                    pause = Math.Min(pause * 2, 20);
                }
                catch (IOException e)
                {
                    throw new StateLockTimeoutException(lockPath, _lockTimeout, e);
                }
            }
        }
    }
}
