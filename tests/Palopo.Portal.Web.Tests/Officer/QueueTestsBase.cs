using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Calendar;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Officer;

/// <summary>What a queue test puts in the database: one submitted request in a chosen state.</summary>
public sealed record QueueSeed(
    string ServiceSlug,
    RequestStatus Status = RequestStatus.Submitted,
    int DueInDays = 5,
    string? AssignedTo = null,
    int Step = 0,
    string Applicant = QueueTestsBase.Citizen1);

/// <summary>
/// Requests for the queue tests are written straight to the database (a submitted request in the
/// wanted state, step, assignment and due date), which keeps the tests about the queues, not about
/// applying. Reference numbers use the year 2098, so they never collide with the real generator's.
/// </summary>
public abstract class QueueTestsBase(PortalFixture portal) : PortalTests(portal)
{
    public const string Officer = "petugas.disdukcapil@palopo.test";
    public const string OfficerName = "Rahmat Hidayat";
    public const string Kepala = "kepala.disdukcapil@palopo.test";
    public const string KepalaName = "Muh. Ilham Syam";
    public const string DpmptspOfficer = "petugas.dpmptsp@palopo.test";
    public const string Citizen1 = "warga@palopo.test";
    public const string Citizen1Name = "Siti Aminah";
    public const string Citizen2 = "warga2@palopo.test";
    public const string Citizen2Name = "Andi Baso";
    public const string Citizen2Kelurahan = "73.73.02.1002";

    private static int _sequence = Random.Shared.Next(100_000, 800_000);

    protected static DateOnly Today => PalopoTime.Today(TimeProvider.System);

    protected async Task<PortalClient> SignedInStaffAsync(string email)
    {
        var client = NewClient();
        await SignInWithAuthenticatorAsync(client, email, Citizen.DemoPassword, Citizen.DemoStaffAuthenticatorKey);
        return client;
    }

    /// <summary>Writes the requests; returns their reference numbers in order.</summary>
    protected async Task<List<string>> SeedAsync(params QueueSeed[] seeds)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var calendar = await scope.ServiceProvider.GetRequiredService<WorkingCalendarProvider>().GetAsync(CancellationToken.None);
        var users = await db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@palopo.test")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var slugs = seeds.Select(s => s.ServiceSlug).Distinct().ToList();
        var services = await db.Services.AsNoTracking().Where(s => slugs.Contains(s.Slug))
            .Select(s => new { s.Id, s.Slug, s.AgencyId, s.ServiceDays, Form = db.ServiceFormVersions.Where(f => f.ServiceId == s.Id).Select(f => f.Id).First() })
            .ToDictionaryAsync(s => s.Slug);
        var now = DateTime.UtcNow;
        var references = new List<string>();
        foreach (var seed in seeds)
        {
            var service = services[seed.ServiceSlug];
            var applicant = users[seed.Applicant];
            var actor = new Actor(applicant, "Pemohon", "Citizen");
            var request = ServiceRequest.StartDraft(service.Id, service.AgencyId, service.Form, service.ServiceDays, applicant,
                RequestChannel.Online, Guid.NewGuid(), actor, now);
            var reference = ReferenceNumber.Format(2098, Interlocked.Increment(ref _sequence));
            request.Submit(reference, ReferenceNumber.NewTrackingCode(), calendar, Today, actor, now);
            db.ServiceRequests.Add(request);
            var entry = db.Entry(request);
            entry.Property(r => r.Status).CurrentValue = seed.Status;
            entry.Property(r => r.AwaitsOfficer).CurrentValue = seed.Status is RequestStatus.Submitted or RequestStatus.InReview or RequestStatus.Resubmitted;
            entry.Property(r => r.CurrentStep).CurrentValue = seed.Step;
            entry.Property(r => r.DueOn).CurrentValue = Today.AddDays(seed.DueInDays);
            entry.Property(r => r.AssignedOfficerId).CurrentValue = seed.AssignedTo is null ? null : users[seed.AssignedTo];
            if (seed.Status == RequestStatus.NeedsCorrection)
                entry.Property(r => r.ClockPausedOn).CurrentValue = Today;
            if (seed.Status is RequestStatus.Approved or RequestStatus.Rejected)
                entry.Property(r => r.DecidedAtUtc).CurrentValue = now;
            references.Add(reference);
        }

        await db.SaveChangesAsync();
        return references;
    }

    /// <summary>The references a queue page lists, in order.</summary>
    protected static List<string> Rows(HtmlPage page) =>
        [.. page.Document.QuerySelectorAll("#queue tbody tr").Select(tr => tr.GetAttribute("data-reference")!)];

    /// <summary>Every row of the queue at <paramref name="url"/>, following "Berikutnya" to the end.</summary>
    protected static async Task<List<(string Reference, string Due)>> WalkAsync(PortalClient client, string url, int maxPages = 200)
    {
        var all = new List<(string, string)>();
        for (var pages = 0; pages < maxPages; pages++)
        {
            var page = await client.GetPageAsync(url);
            var rows = page.Document.QuerySelectorAll("#queue tbody tr")
                .Select(tr => (tr.GetAttribute("data-reference")!, tr.GetAttribute("data-due")!)).ToList();
            Assert.True(rows.Count <= 25, $"{url}: {rows.Count} rows on one page");
            all.AddRange(rows);
            var next = page.Document.QuerySelector("a#queue-next");
            if (next is null)
                return all;
            Assert.Equal(25, rows.Count); // only full pages have a next page
            url = next.GetAttribute("href")!;
        }

        throw new InvalidOperationException("The queue did not end.");
    }
}

/// <summary>
/// Records the SQL commands that serve one HTTP request: EF's diagnostic events, kept only when the
/// request carries this recorder's header (so other tests and the outbox worker never count).
/// </summary>
public sealed class SqlCommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public const string Header = "X-Test-Sql-Recorder";

    private static readonly HttpContextAccessor Http = new();
    private readonly IDisposable _allListeners;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _commands = new();

    private SqlCommandRecorder() => _allListeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>
    /// Subscribes, then waits out EF's logging cache: a (pooled) context remembers for up to one
    /// second that nobody was listening (ConfigureLoggingCacheTime), and would not report commands.
    /// </summary>
    public static async Task<SqlCommandRecorder> StartAsync()
    {
        var recorder = new SqlCommandRecorder();
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        return recorder;
    }

    /// <summary>GETs <paramref name="url"/> with a fresh tag; returns the page and the SQL it ran.</summary>
    public async Task<(HtmlPage Page, IReadOnlyList<string> Commands)> GetAsync(PortalClient client, string url)
    {
        var tag = Guid.NewGuid().ToString("N");
        using var message = new HttpRequestMessage(HttpMethod.Get, url);
        message.Headers.Add(Header, tag);
        using var response = await client.Http.SendAsync(message);
        var page = await HtmlPage.ReadAsync(response);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return (page, [.. _commands.GetValueOrDefault(tag) ?? []]);
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
                _subscriptions.Add(value.Subscribe(this));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data)
            return;
        var tag = Http.HttpContext?.Request.Headers[Header].ToString();
        if (!string.IsNullOrEmpty(tag))
            _commands.GetOrAdd(tag, _ => new()).Enqueue(data.Command.CommandText);
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _allListeners.Dispose();
        lock (_subscriptions)
        {
            foreach (var s in _subscriptions)
                s.Dispose();
        }
    }
}
