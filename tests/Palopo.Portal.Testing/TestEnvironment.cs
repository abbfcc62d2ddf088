namespace Palopo.Portal.Testing;

/// <summary>
/// What the machine running the tests offers, read from the environment that scripts/test.sh sets.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "PALOPO_TEST_POSTGRES";
    public const string ChromiumVariable = "PALOPO_CHROMIUM";
    public const string RequireAllVariable = "PALOPO_REQUIRE_ALL";
    public const string DefaultChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// True in CI (CI=true) or when PALOPO_REQUIRE_ALL=1: tests that need PostgreSQL or Chromium then
    /// run and fail loudly instead of skipping quietly.
    /// </summary>
    public static bool RequireAll =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable(RequireAllVariable) == "1";

    /// <summary>Npgsql connection string of a server the tests may create databases on, or null.</summary>
    public static string? PostgresConnectionString => NullIfBlank(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>Path of a Chromium executable: PALOPO_CHROMIUM if set, else /usr/bin/chromium if present, else null.</summary>
    public static string? ChromiumPath
    {
        get
        {
            var configured = NullIfBlank(Environment.GetEnvironmentVariable(ChromiumVariable));
            if (configured is not null)
                return File.Exists(configured) ? configured : null;
            return File.Exists(DefaultChromiumPath) ? DefaultChromiumPath : null;
        }
    }

    /// <summary>Like <see cref="PostgresConnectionString"/>, but throws with a clear message when it is missing.</summary>
    public static string RequirePostgresConnectionString() =>
        PostgresConnectionString ?? throw new InvalidOperationException(
            $"PostgreSQL is required but {PostgresVariable} is not set. Run scripts/test.sh, which starts a throwaway server, " +
            $"or set {PostgresVariable} to a server where this user may create databases.");

    /// <summary>Like <see cref="ChromiumPath"/>, but throws with a clear message when no browser is found.</summary>
    public static string RequireChromiumPath() =>
        ChromiumPath ?? throw new InvalidOperationException(
            $"Chromium is required but was not found ({ChromiumVariable}={Environment.GetEnvironmentVariable(ChromiumVariable) ?? "<unset>"}, " +
            $"{DefaultChromiumPath} absent). Run scripts/test.sh, which installs it, or `apt-get install chromium`.");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
