using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Documents;
using Palopo.Portal.Domain.Users;

namespace Palopo.Portal.Web.Controllers;

/// <summary>The citizen downloads the document issued for their own request; anyone else's is 404.</summary>
[Authorize(Roles = Roles.Citizen)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class IssuedDocumentController(IssuedDocumentFiles documents, ICurrentUser currentUser) : Controller
{
    [HttpGet("/permohonan/{referenceNumber}/dokumen")]
    public async Task<IActionResult> Download(string referenceNumber, CancellationToken ct)
    {
        var file = await documents.OpenForApplicantAsync(referenceNumber, currentUser.Id!.Value, ct);
        if (file is null)
            return NotFound();
        return Attachment(this, file);
    }

    /// <summary>Always a download, never sniffed, never cached, sandboxed if a browser renders it anyway.</summary>
    internal static FileStreamResult Attachment(ControllerBase controller, Application.Requests.DocumentDownload file)
    {
        var headers = controller.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.CacheControl] = "no-store";
        headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        return controller.File(file.Content, "application/pdf", file.FileName);
    }
}
