namespace Palopo.Portal.Domain.Common;

/// <summary>
/// A rule of the domain was broken (a forbidden state change, an invalid value).
/// The message is for developers and logs; user-facing text comes from resources.
/// </summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(string message) : base(message) { }

    public DomainRuleException(string message, Exception innerException) : base(message, innerException) { }

    public DomainRuleException() { }
}
