using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using netDumbster.smtp;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Operations.Tests.Support;
using Palopo.Portal.Testing;
using Xunit.Abstractions;

namespace Palopo.Portal.Operations.Tests;

/// <summary>
/// Two portal processes on one PostgreSQL database, each with its own data folder and a shared
/// files folder, as behind a load balancer: a session begun on node A continues on node B (the Data
/// Protection keys live in the database), a form rendered by A is accepted by B (antiforgery),
/// a file uploaded through B is served by A, the outbox workers of both nodes deliver a batch
/// of queued e-mails to one SMTP server exactly once, and a sign-out on A ends the session B keeps
/// in memory within a signal poll.
/// </summary>
public sealed partial class TwoNodeTests(ITestOutputHelper output)
{
    private const int NodeAPort = 5191;
    private const int NodeBPort = 5192;
    private const int SmtpPort = 55463;
    private const int QueuedMails = 50;

    [PostgresFact]
    public async Task Session_form_files_and_outbox_work_across_two_nodes()
    {
        await using var database = await PortalDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        using var smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(SmtpPort).Build();
        using var folderB = new TemporaryDirectory();
        Dictionary<string, string?> Node(string? dataPath)
        {
            var settings = database.Settings(dataPath);
            settings["Email:Delivery"] = "Smtp";
            settings["Email:SmtpHost"] = "127.0.0.1";
            settings["Email:SmtpPort"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Outbox:PollSeconds"] = "1";
            settings["Outbox:BatchSize"] = "3";
            return settings;
        }

        // A creates the schema and the key ring; B starts on what A made.
        await using var nodeA = PortalProcess.Start(NodeAPort, Node(null));
        await nodeA.WaitUntilReadyAsync();
        await using var nodeB = PortalProcess.Start(NodeBPort, Node(folderB.Path));
        await nodeB.WaitUntilReadyAsync();

        // Signed in on A; the same cookie is a session on B.
        using var citizen = new PortalWebClient();
        await citizen.SignInAsync(nodeA.BaseAddress);
        var requestsOnB = await citizen.GetPageAsync(nodeB.BaseAddress, "/permohonan");
        Assert.Contains("/akun/keluar", requestsOnB, StringComparison.Ordinal);

        // The form (and its antiforgery token) from A, posted to B.
        var token = await citizen.ApplyFormTokenAsync(nodeA.BaseAddress);
        using var submitted = await citizen.SubmitApplicationAsync(nodeB.BaseAddress, token, Guid.NewGuid());
        var reference = PortalWebClient.ConfirmedReference(submitted);
        Assert.True(reference is not null, $"POST to B with A's token: {(int)submitted.StatusCode} {submitted.Headers.Location}");

        // The request page on A, and the file B stored, served by A from the shared folder.
        var page = await citizen.GetPageAsync(nodeA.BaseAddress, $"/permohonan/{reference}");
        var links = DocumentLink().Matches(page).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(2, links.Count);
        var downloads = new List<byte[]>();
        foreach (var link in links)
        {
            using var file = await citizen.GetAsync(nodeA.BaseAddress, link);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            downloads.Add(await file.Content.ReadAsByteArrayAsync());
        }

        Assert.Contains(downloads, d => d.SequenceEqual(Documents.Pdf));
        Assert.Contains(downloads, d => d.SequenceEqual(Documents.Png));

        // 50 mails queued at once; both nodes' workers compete for them.
        await using (var db = database.Open())
        {
            for (var i = 0; i < QueuedMails; i++)
                db.OutboxMessages.Add(new OutboxMessage("warga@palopo.test", $"two-node mail {i:D3}", "isi", "<p>isi</p>", DateTime.UtcNow));
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(90);
        List<OutboxMessage> outbox;
        do
        {
            await Task.Delay(500);
            await using var db = database.Open();
            outbox = await db.OutboxMessages.AsNoTracking().ToListAsync();
        }
        while (outbox.Any(m => m.SentAtUtc is null) && DateTime.UtcNow < deadline);

        Assert.All(outbox, m => Assert.NotNull(m.SentAtUtc));
        await Task.Delay(500); // the last SMTP session closes
        var subjects = smtp.ReceivedEmail.Select(m => m.Headers["Subject"]).ToList();
        var ours = subjects.Where(s => s?.StartsWith("two-node mail", StringComparison.Ordinal) == true).ToList();
        var sentByA = Regex.Matches(nodeA.Output, "Outbox message .* sent").Count;
        var sentByB = Regex.Matches(nodeB.Output, "Outbox message .* sent").Count;
        OperationsReport.Write($"two nodes (PostgreSQL): outbox rows {outbox.Count}, received {subjects.Count}, ours {ours.Count} ({ours.Distinct().Count()} distinct); sent by A {sentByA}, by B {sentByB}");
        output.WriteLine($"outbox rows {outbox.Count}, received {subjects.Count}, ours {ours.Count} ({ours.Distinct().Count()} distinct); sent by A {sentByA}, by B {sentByB}");

        Assert.Equal(outbox.Count, subjects.Count); // every row once, nothing extra (the submission's own mail included)
        Assert.Equal(QueuedMails, ours.Count);
        Assert.Equal(QueuedMails, ours.Distinct().Count());
        Assert.True(sentByA > 0 && sentByB > 0, $"Both nodes' workers should have sent some (A {sentByA}, B {sentByB}).");

        // B keeps the sessions it checked in memory (ADR 0015): a sign-out on A must still end a
        // copy of the cookie on B, through the cache-signal log B reads every second.
        using var copy = new PortalWebClient();
        foreach (Cookie cookie in citizen.Cookies.GetAllCookies())
            copy.Cookies.Add(cookie);
        await copy.GetPageAsync(nodeB.BaseAddress, "/permohonan");
        await copy.GetPageAsync(nodeB.BaseAddress, "/permohonan"); // now from B's memory
        // The layout's sign-out form, as a browser posts it: no token, from the portal's own page (ADR 0018).
        using (var signedOut = await citizen.PostSignOutAsync(nodeA.BaseAddress))
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var sinceSignOut = System.Diagnostics.Stopwatch.StartNew();
        HttpStatusCode onB;
        string? location;
        do
        {
            using var response = await copy.GetAsync(nodeB.BaseAddress, "/permohonan");
            onB = response.StatusCode;
            location = response.Headers.Location?.OriginalString;
            if (onB != HttpStatusCode.OK)
                break;
            await Task.Delay(50);
        }
        while (sinceSignOut.Elapsed < TimeSpan.FromSeconds(15));

        OperationsReport.Write($"two nodes (PostgreSQL): sign-out on A refused on B after {sinceSignOut.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.Redirect, onB);
        Assert.Contains("/akun/masuk", location, StringComparison.Ordinal);
        Assert.True(sinceSignOut.Elapsed < TimeSpan.FromSeconds(5), $"B still honoured the session {sinceSignOut.ElapsedMilliseconds} ms after the sign-out on A.");
    }

    [GeneratedRegex(@"/permohonan/PLP-\d{4}-\d{6}/berkas/[0-9a-f-]{36}")]
    private static partial Regex DocumentLink();
}
