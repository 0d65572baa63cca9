namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>netstandard2.0 lacks this nullable-analysis attribute; the compiler honours any type of this name.</summary>
    [AttributeUsage(AttributeTargets.Parameter)]
    internal sealed class NotNullWhenAttribute : Attribute
    {
        public NotNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

        public bool ReturnValue { get; }
    }
}
