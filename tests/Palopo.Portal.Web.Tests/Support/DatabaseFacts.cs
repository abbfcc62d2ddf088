using Palopo.Portal.Testing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>
/// Marks a test class whose portal runs on PostgreSQL: its <see cref="PortalFactAttribute"/> and
/// <see cref="PortalTheoryAttribute"/> tests are skipped when PALOPO_TEST_POSTGRES is unset, unless
/// CI=true or PALOPO_REQUIRE_ALL=1 (then they run and fail loudly without a server).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiresPostgreSqlAttribute : Attribute;

/// <summary>
/// A fact declared once in an abstract test class and run by each database's subclass; skipped in a
/// subclass whose database is unavailable (see <see cref="RequiresPostgreSqlAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Palopo.Portal.Web.Tests.Support.PortalFactDiscoverer", "Palopo.Portal.Web.Tests")]
public sealed class PortalFactAttribute : FactAttribute;

/// <summary>The theory counterpart of <see cref="PortalFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Palopo.Portal.Web.Tests.Support.PortalTheoryDiscoverer", "Palopo.Portal.Web.Tests")]
public sealed class PortalTheoryAttribute : TheoryAttribute;

internal static class DatabaseSkip
{
    /// <summary>Why the tests of <paramref name="testClass"/> cannot run here, or null when they can.</summary>
    public static string? Reason(ITestMethod testMethod)
    {
        var type = testMethod.TestClass.Class.ToRuntimeType();
        return type is not null && Attribute.IsDefined(type, typeof(RequiresPostgreSqlAttribute), inherit: false)
            ? SkipReasons.Postgres
            : null;
    }

    public static IXunitTestCase Skipped(IMessageSink sink, ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, string reason) =>
        new XunitSkippedDataRowTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod, reason);
}

public sealed class PortalFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        DatabaseSkip.Reason(testMethod) is { } reason
            ? [DatabaseSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, factAttribute);
}

public sealed class PortalTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute) =>
        DatabaseSkip.Reason(testMethod) is { } reason
            ? [DatabaseSkip.Skipped(DiagnosticMessageSink, discoveryOptions, testMethod, reason)]
            : base.Discover(discoveryOptions, testMethod, theoryAttribute);
}
