using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Officer;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Documents;

/// <summary>
/// What the issued-document tests share: an akta kelahiran taken through both workflow steps (the
/// officer's verification, the kepala's approval) and what the database says about its document.
/// </summary>
public abstract class DocumentTestsBase(PortalFixture portal) : ReviewTestsBase(portal)
{
    public const string VerifyUrl = "/verifikasi";

    protected static string DownloadUrl(string reference) => $"/permohonan/{reference}/dokumen";

    protected static string OfficerDownloadUrl(string reference) => $"{ReviewUrl(reference)}/dokumen";

    protected static string RevokeUrl(string reference) => $"{ReviewUrl(reference)}/dokumen/cabut";

    /// <summary>Approves a workflow step through the use case, as <paramref name="email"/>.</summary>
    protected async Task<RequestActionResult> ApproveAsync(string reference, string email)
    {
        var request = await LoadAsync(reference);
        var officer = await UserIdAsync(email);
        return await InScopeAsync(sp => sp.GetRequiredService<ApproveRequestStep>()
            .HandleAsync(new ApproveStepCommand(request.Id, null), officer, CancellationToken.None));
    }

    /// <summary>A citizen's akta kelahiran approved by the officer and then the kepala (automatic issue).</summary>
    protected async Task<(PortalClient Client, Citizen Citizen, string Reference)> IssuedAktaAsync()
    {
        var (client, citizen, reference) = await SubmittedAktaAsync();
        Assert.Equal(RequestActionOutcome.Done, (await ApproveAsync(reference, Officer)).Outcome);
        var final = await ApproveAsync(reference, Kepala);
        Assert.Equal((RequestActionOutcome.Done, RequestStatus.Issued), (final.Outcome, final.Status));
        return (client, citizen, reference);
    }

    protected Task<IssuedDocument?> DocumentAsync(string reference) =>
        InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            return (from d in db.IssuedDocuments.AsNoTracking()
                    join r in db.ServiceRequests on d.RequestId equals r.Id
                    where r.ReferenceNumber == reference
                    select d).FirstOrDefaultAsync();
        });

    /// <summary>Sets how the akta kelahiran is issued; tests that change it put it back (the portal is shared).</summary>
    protected Task SetAktaIssuanceAsync(IssuanceMode mode) =>
        InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            var service = await db.Services.SingleAsync(s => s.Slug == Slug);
            service.SetIssuance(mode);
            return await db.SaveChangesAsync();
        });

    protected static async Task<byte[]> PdfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith("%PDF-"u8), "not a PDF");
        return bytes;
    }

    /// <summary>The verification page's file form posted with <paramref name="file"/>.</summary>
    protected async Task<HttpResponseMessage> UploadAsync(PortalClient client, FileUpload file)
    {
        var page = await client.GetPageAsync(VerifyUrl);
        return await client.SubmitMultipartAsync(page, "/verifikasi/berkas", files: [file]);
    }
}
