namespace Palopo.Portal.Testing;

/// <summary>Messages used when a test needs something the machine lacks.</summary>
public static class SkipReasons
{
    public const string NoPostgres = "PostgreSQL not available (set PALOPO_TEST_POSTGRES)";
    public const string NoChromium = "Chromium not available (set PALOPO_CHROMIUM or install /usr/bin/chromium)";

    /// <summary>Null when PostgreSQL tests should run: a server is configured, or everything is required.</summary>
    public static string? Postgres =>
        TestEnvironment.PostgresConnectionString is null && !TestEnvironment.RequireAll ? NoPostgres : null;

    /// <summary>Null when browser tests should run: a browser is present, or everything is required.</summary>
    public static string? Chromium =>
        TestEnvironment.ChromiumPath is null && !TestEnvironment.RequireAll ? NoChromium : null;
}

/// <summary>A fact that needs PostgreSQL: skipped without PALOPO_TEST_POSTGRES unless <see cref="TestEnvironment.RequireAll"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = SkipReasons.Postgres!;
}

/// <summary>A theory that needs PostgreSQL: skipped without PALOPO_TEST_POSTGRES unless <see cref="TestEnvironment.RequireAll"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = SkipReasons.Postgres!;
}

/// <summary>A fact that needs Chromium: skipped when none is found unless <see cref="TestEnvironment.RequireAll"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = SkipReasons.Chromium!;
}

/// <summary>A theory that needs Chromium: skipped when none is found unless <see cref="TestEnvironment.RequireAll"/>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = SkipReasons.Chromium!;
}
