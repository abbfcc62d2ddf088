using System.Net;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Requests;

/// <summary>The citizen withdraws a request before a decision (/permohonan/{ref}/tarik); after one, the portal refuses.</summary>
public abstract class WithdrawTests(PortalFixture portal) : RequestTestsBase(portal)
{
    [PortalFact]
    public async Task Citizen_withdraws_an_open_request_after_confirming()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var details = await client.GetPageAsync($"/permohonan/{reference}");

        var confirm = await client.GetPageAsync(details.Document.QuerySelector("#withdraw-link")!.GetAttribute("href")!);
        Assert.Equal(T.Id("Requests.Withdraw.Title", reference), confirm.Heading);
        Assert.Equal(RequestStatus.Submitted, (await LoadRequestAsync(reference)).Status); // the GET changes nothing
        using var response = await client.SubmitAsync(confirm, $"/permohonan/{reference}/tarik",
            new Dictionary<string, string?> { ["Reason"] = "Sudah diurus langsung di kantor kelurahan." });
        var after = await client.FollowAsync(response, $"/permohonan/{reference}");

        Assert.Equal(T.Id("Requests.Withdraw.Done", reference), after.Notice);
        Assert.Equal(T.Id("Requests.Status.Withdrawn"), after.Text("#status .badge"));
        Assert.Contains("Sudah diurus langsung di kantor kelurahan.", after.Text("#withdrawal"), StringComparison.Ordinal);
        Assert.Contains(T.Id("Requests.Event.To.Withdrawn"), after.Text("#timeline"), StringComparison.Ordinal);
        Assert.False(after.Has("#withdraw-link"));
        Assert.False(after.Has("#legal-clock"));
        Assert.Equal(RequestStatus.Withdrawn, (await LoadRequestAsync(reference)).Status);

        var again = await client.GetPageAsync($"/permohonan/{reference}/tarik");
        Assert.Contains(T.Id("Requests.Withdraw.NotAllowed", T.Id("Requests.Status.Withdrawn")), again.Text("#withdraw-refused"), StringComparison.Ordinal);
        Assert.Empty(again.Document.QuerySelectorAll($"form[action='/permohonan/{reference}/tarik']"));
    }

    [PortalFact]
    public async Task Withdrawing_after_a_decision_is_refused_with_a_message()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var confirm = await client.GetPageAsync($"/permohonan/{reference}/tarik"); // opened while still open…

        Assert.Equal(RequestActionOutcome.Done, (await ApproveStepAsync(reference)).Outcome);
        Assert.Equal(RequestActionOutcome.Done, (await ApproveStepAsync(reference)).Outcome);
        // Approved, and at once issued (the domisili letter is issued by the system).
        Assert.Equal(RequestStatus.Issued, (await LoadRequestAsync(reference)).Status);

        using var response = await client.SubmitAsync(confirm, $"/permohonan/{reference}/tarik"); // …confirmed after the decision
        var page = await PortalClient.ReadPageAsync(response, HttpStatusCode.Conflict);

        Assert.Contains(T.Id("Requests.Withdraw.NotAllowed", T.Id("Requests.Status.Issued")), page.Text("#withdraw-refused"), StringComparison.Ordinal);
        Assert.Equal(RequestStatus.Issued, (await LoadRequestAsync(reference)).Status);
        var details = await client.GetPageAsync($"/permohonan/{reference}");
        Assert.Equal(T.Id("Requests.Status.Issued"), details.Text("#status .badge"));
        Assert.False(details.Has("#withdraw-link"));
        Assert.Contains($"oleh petugas {OfficerName}", details.Text("#timeline"), StringComparison.Ordinal);
    }

    [PortalFact]
    public async Task Too_long_a_reason_is_shown_again_and_nothing_changes()
    {
        var (client, _) = await SignedInCitizenAsync();
        var reference = await SubmitDomisiliAsync(client);
        var confirm = await client.GetPageAsync($"/permohonan/{reference}/tarik");

        using var response = await client.SubmitAsync(confirm, $"/permohonan/{reference}/tarik",
            new Dictionary<string, string?> { ["Reason"] = new string('a', WithdrawRequest.MaxReasonLength + 1) });
        var page = await PortalClient.ReadPageAsync(response, HttpStatusCode.UnprocessableEntity);

        Assert.Equal(T.Id("Apply.Error.TooLong", WithdrawRequest.MaxReasonLength), page.FieldError("Reason"));
        Assert.Single(page.ErrorSummary);
        Assert.Equal(RequestStatus.Submitted, (await LoadRequestAsync(reference)).Status);
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class WithdrawOnSqlite(SqlitePortalFixture portal) : WithdrawTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class WithdrawOnPostgreSql(PostgreSqlPortalFixture portal) : WithdrawTests(portal);
