using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Operations.Tests.Support;

namespace Palopo.Portal.Operations.Tests;

/// <summary>
/// SIGTERM (docker stop, systemd, Kubernetes) while a slow upload is in flight: the request
/// completes and its application is stored, the outbox worker logs that it stopped, and the
/// process exits with code 0 within Hosting:ShutdownTimeoutSeconds.
/// </summary>
public sealed class GracefulShutdownTests
{
    private const int Port = 5196;

    [Fact]
    public async Task Sigterm_lets_the_request_in_flight_finish_and_stops_the_outbox_cleanly()
    {
        await using var database = await PortalDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var settings = database.Settings();
        settings["Hosting:ShutdownTimeoutSeconds"] = "30";
        settings["Outbox:PollSeconds"] = "1";
        await using var portal = PortalProcess.Start(Port, settings);
        await portal.WaitUntilReadyAsync();

        using var citizen = new PortalWebClient(TimeSpan.FromSeconds(60));
        await citizen.SignInAsync(portal.BaseAddress);
        var token = await citizen.ApplyFormTokenAsync(portal.BaseAddress);
        var key = Guid.NewGuid();
        using var form = PortalWebClient.ApplicationForm(token, key);
        // About four seconds of upload: 8 pieces, half a second apart.
        var slow = await SlowContent.FromAsync(form, pieces: 8, pause: TimeSpan.FromMilliseconds(500));

        var submitting = citizen.SubmitApplicationAsync(portal.BaseAddress, token, key, slow);
        await slow.Started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(700);
        portal.Terminate();

        using var response = await submitting;
        Assert.True(PortalWebClient.ConfirmedReference(response) is not null,
            $"The request in flight at SIGTERM should complete: {(int)response.StatusCode}\n{portal.Tail()}");
        Assert.True(await portal.WaitForExitAsync(TimeSpan.FromSeconds(40)), "The process did not exit after SIGTERM.\n" + portal.Tail());
        Assert.Equal(0, portal.ExitCode);
        Assert.Contains("Application is shutting down", portal.Output, StringComparison.Ordinal);
        Assert.Matches(@"Outbox worker \S+ stopped", portal.Output);

        await using var db = database.Open();
        Assert.Equal(1, await db.ServiceRequests.CountAsync(r => r.IdempotencyKey == key && r.ReferenceNumber != null));
    }
}
