namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>
/// Whether the database has been brought up to date since this process started (migrations as
/// configured, seed data), and if not, why. Read by /health/ready and by the gate that answers
/// 503 while the portal waits for its database; written by <see cref="DatabaseStartup"/>.
/// </summary>
public sealed class DatabaseReadiness
{
    private volatile string? _problem = "Database initialization has not run yet.";

    public bool IsReady => _problem is null;

    /// <summary>Why the portal is not ready (null once it is). Never contains a connection string or password.</summary>
    public string? Problem => _problem;

    public int Attempts { get; private set; }

    internal void MarkAttempt() => Attempts++;

    internal void MarkReady() => _problem = null;

    internal void MarkNotReady(string problem) => _problem = problem;
}
