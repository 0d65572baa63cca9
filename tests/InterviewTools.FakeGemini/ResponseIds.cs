using System;
using System.Security.Cryptography;
using System.Threading;

namespace InterviewTools.FakeGemini;

/// <summary>Opaque ~22-character response ids like Google's, deterministic per server instance.</summary>
internal sealed class ResponseIds
{
    private long counter;

    public string Next()
    {
        long value = Interlocked.Increment(ref counter);
        var hash = SHA256.HashData(BitConverter.GetBytes(value));
        return Convert.ToBase64String(hash).Replace('+', '-').Replace('/', '_')[..22];
    }
}
