using System.ComponentModel.DataAnnotations;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>Settings under "Database".</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string. For SQLite it may be empty: the file "palopo.db" in the data folder is used.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations at start. Null means: on for SQLite, off for server databases.</summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Create reference data (regions, agencies, roles) at start. Idempotent.</summary>
    public bool SeedOnStart { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>Longest pause between attempts to initialize the database when it was unavailable at start.</summary>
    [Range(1, 3600)]
    public int StartupRetryMaxSeconds { get; set; } = 15;

    /// <summary>
    /// EF Core's check that one context is never used by two operations at once. It marks every row
    /// read (two async-local writes each), so it is on where code is written and tested (Development,
    /// the test suites) and off by default in production (ADR 0017).
    /// </summary>
    public bool ThreadSafetyChecks { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;
}
