namespace Palopo.Portal.Operations.Tests.Support;

/// <summary>
/// Measured facts (counts, timings) of the operations tests, one line each, appended to
/// artifacts/test-results/operations-report.txt (next to the trx files) so a run leaves them readable.
/// </summary>
public static class OperationsReport
{
    public static void Write(string line)
    {
        var root = Path.GetDirectoryName(Path.GetDirectoryName(WebProject.ContentRoot))!;
        var folder = Path.Combine(root, "artifacts", "test-results");
        Directory.CreateDirectory(folder);
        File.AppendAllText(Path.Combine(folder, "operations-report.txt"), $"{DateTime.UtcNow:u} {line}{Environment.NewLine}");
    }
}
