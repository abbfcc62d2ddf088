using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Operations.Tests.Support;
using Palopo.Portal.Testing;
using Xunit.Abstractions;

namespace Palopo.Portal.Operations.Tests;

/// <summary>
/// kill -9 in the middle of hundreds of concurrent applications, then a restart: every application
/// whose confirmation (the redirect to its reference-number page) reached the citizen is there
/// exactly once with its files; no stored row lacks a file; files without a row are at most the
/// uploads that were in flight at the kill; a retry of an unanswered submission with its
/// idempotency key never makes a second request; SQLite passes PRAGMA integrity_check.
/// </summary>
public sealed class CrashDuringSubmissionsTests(ITestOutputHelper output)
{
    private const int Submissions = 500;
    private const int Clients = 10;

    [Fact]
    public Task Sqlite_keeps_every_confirmed_application_through_kill_9() => RunAsync(DatabaseProvider.Sqlite, 5193);

    [PostgresFact]
    public Task PostgreSql_keeps_every_confirmed_application_through_kill_9() => RunAsync(DatabaseProvider.PostgreSql, 5194);

    private async Task RunAsync(DatabaseProvider provider, int port)
    {
        var phases = Stopwatch.StartNew();
        var marks = new List<string>();
        void Mark(string what) => marks.Add($"{what} {phases.Elapsed.TotalSeconds:0.0}s");
        await using var database = await PortalDatabase.CreateAsync(provider);
        var settings = database.Settings();
        await using var first = PortalProcess.Start(port, settings);
        var portal = first;
        await portal.WaitUntilReadyAsync();
        Mark("ready");

        // Several sessions of the demo citizen, each with the form's antiforgery token.
        var clients = new List<(PortalWebClient Client, string Token)>();
        for (var i = 0; i < Clients; i++)
        {
            var client = new PortalWebClient();
            await client.SignInAsync(portal.BaseAddress);
            clients.Add((client, await client.ApplyFormTokenAsync(portal.BaseAddress)));
        }

        Mark("signed in");
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        var unanswered = new ConcurrentDictionary<Guid, int>(); // sent, no confirmation (killed, refused, reset)
        var refusedBeforeKill = 0;
        var killAt = Submissions * 3 / 10;
        var killed = new TaskCompletionSource();
        var clock = Stopwatch.StartNew();

        var submissions = Enumerable.Range(0, Submissions).Select(async i =>
        {
            var key = Guid.NewGuid();
            var (client, token) = clients[i % Clients];
            try
            {
                using var response = await client.SubmitApplicationAsync(portal.BaseAddress, token, key);
                if (PortalWebClient.ConfirmedReference(response) is { } reference)
                {
                    acknowledged[key] = reference;
                    if (acknowledged.Count >= killAt && !killed.Task.IsCompleted)
                    {
                        portal.KillHard();
                        killed.TrySetResult();
                    }
                }
                else
                {
                    if (!killed.Task.IsCompleted)
                        Interlocked.Increment(ref refusedBeforeKill);
                    unanswered[key] = (int)response.StatusCode;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                unanswered[key] = 0;
            }
        }).ToList();
        await Task.WhenAll(submissions);
        var submitSeconds = clock.Elapsed.TotalSeconds;
        Mark("submissions over");
        Assert.True(killed.Task.IsCompleted, "The process was not killed: every submission finished first.");

        // Restart on the same database and folder.
        await using var restarted = PortalProcess.Start(port, settings);
        await restarted.WaitUntilReadyAsync();
        Mark("restarted");

        // Retry the unanswered ones the citizen might resend (a sample, to stay quick): same idempotency key.
        var retryClient = new PortalWebClient();
        await retryClient.SignInAsync(restarted.BaseAddress);
        var retryToken = await retryClient.ApplyFormTokenAsync(restarted.BaseAddress);
        HashSet<Guid> committedBeforeRetry;
        await using (var before = database.Open())
            committedBeforeRetry = [.. await before.ServiceRequests.AsNoTracking().Where(r => r.Status != RequestStatus.Draft).Select(r => r.IdempotencyKey).ToListAsync()];
        var retried = new Dictionary<Guid, string>();
        foreach (var key in unanswered.Keys.Take(40))
        {
            using var response = await retryClient.SubmitApplicationAsync(restarted.BaseAddress, retryToken, key);
            var reference = PortalWebClient.ConfirmedReference(response);
            Assert.True(reference is not null, $"Retry after restart: {(int)response.StatusCode}");
            retried[key] = reference!;
        }

        Mark("retried");

        // What the database and the files folder hold now.
        await using var db = database.Open();
        var requests = await db.ServiceRequests.AsNoTracking().Include(r => r.Documents)
            .Where(r => r.Status != RequestStatus.Draft)
            .Select(r => new { r.IdempotencyKey, r.ReferenceNumber, Files = r.Documents.Select(d => d.StoredName).ToList() })
            .ToListAsync();
        var byKey = requests.GroupBy(r => r.IdempotencyKey).ToDictionary(g => g.Key, g => g.ToList());
        var allStoredNames = await db.Set<RequestDocument>().AsNoTracking().Select(d => d.StoredName).ToListAsync();
        var files = database.StoredFiles().ToHashSet();

        var found = acknowledged.Count(a => byKey.TryGetValue(a.Key, out var rows) && rows.Count == 1 && rows[0].ReferenceNumber == a.Value);
        var lost = acknowledged.Count(a => !byKey.ContainsKey(a.Key));
        var duplicated = byKey.Count(g => g.Value.Count > 1) + requests.GroupBy(r => r.ReferenceNumber).Count(g => g.Count() > 1);
        var rowsWithoutFile = allStoredNames.Count(n => !files.Contains(n));
        var orphans = files.Count(f => !allStoredNames.Contains(f));
        // A retry answers with the one request of its key: the committed one, or one made now.
        var retriedExact = retried.Count(r => byKey.TryGetValue(r.Key, out var rows) && rows.Count == 1 && rows[0].ReferenceNumber == r.Value);
        var retriedKnown = retried.Keys.Count(committedBeforeRetry.Contains);
        var retriedNew = retried.Count - retriedKnown;

        string? integrity = null;
        if (provider == DatabaseProvider.Sqlite)
            integrity = await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync() is [var single] ? single : "several rows";

        var report = $"{provider}: {Submissions} submissions ({Clients} sessions, all at once), killed after {acknowledged.Count} confirmations " +
            $"({submitSeconds:0.0} s); acknowledged {acknowledged.Count}, found {found}, lost {lost}, duplicated {duplicated}; " +
            $"rows {requests.Count}; refused before the kill {refusedBeforeKill} (statuses {string.Join(" ", unanswered.Values.GroupBy(v => v).Select(g => $"{g.Key}x{g.Count()}"))}); unanswered {unanswered.Count} (retried {retried.Count} with their idempotency keys: {retriedKnown} had been committed and were answered with it, {retriedNew} were made now; {retried.Count - retriedExact} not exactly once); " +
            $"document rows without file {rowsWithoutFile}; files without row {orphans} (in-flight orphans for the retention job); " +
            $"integrity_check {integrity ?? "n/a"}; timeline {string.Join(", ", marks)}";
        output.WriteLine(report);
        OperationsReport.Write(report);

        Assert.True(acknowledged.Count >= killAt, report);
        Assert.Equal(acknowledged.Count, found);
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
        Assert.Equal(retried.Count, retriedExact);
        Assert.All(requests, r => Assert.Equal(2, r.Files.Count));
        Assert.Equal(0, rowsWithoutFile);
        Assert.True(orphans <= 2 * Math.Max(0, unanswered.Count), report); // two uploads per unanswered submission at most
        if (integrity is not null)
            Assert.Equal("ok", integrity);

        foreach (var (client, _) in clients)
            client.Dispose();
        retryClient.Dispose();
    }
}
