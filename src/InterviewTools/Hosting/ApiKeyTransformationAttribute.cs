using System;
using System.Management.Automation;
using System.Security;

namespace InterviewTools.Hosting
{
    /// <summary>Lets -ApiKey take a plain string, a SecureString (Get-Secret) or a PSCredential, and keeps it as a SecureString.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case SecureString secure:
                    return secure;
                case PSCredential credential:
                    return credential.Password;
                case string text:
                    var converted = new SecureString();
                    foreach (var c in text) converted.AppendChar(c);
                    converted.MakeReadOnly();
                    return converted;
                default:
                    throw new ArgumentTransformationMetadataException(
                        $"-ApiKey takes a string, a SecureString or a PSCredential, not a {value.GetType().Name}.");
            }
        }
    }
}
