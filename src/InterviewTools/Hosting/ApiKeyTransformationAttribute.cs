using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;

namespace InterviewTools.Hosting
{
    /// <summary>Lets -ApiKey take strings, SecureStrings (Get-Secret) or PSCredentials, one or many, and keeps them as SecureStrings.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ApiKeyTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = Unwrap(inputData);
            if (value == null) return null;
            if (value is IEnumerable many && !(value is string))
            {
                var keys = new List<SecureString>();
                foreach (var item in many)
                {
                    var key = One(Unwrap(item));
                    if (key != null) keys.Add(key);
                }
                return keys.ToArray();
            }
            return new[] { One(value) };
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static SecureString? One(object? value)
        {
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
                        $"-ApiKey takes strings, SecureStrings or PSCredentials, not a {value.GetType().Name}.");
            }
        }
    }
}
