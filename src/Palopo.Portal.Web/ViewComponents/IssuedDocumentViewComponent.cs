using Microsoft.AspNetCore.Mvc;
using Palopo.Portal.Application.Documents;
using Palopo.Portal.Application.Staff;

namespace Palopo.Portal.Web.ViewComponents;

/// <summary>The issued-document part of a request page: the citizen's (download) or the officer's (issue, download, revoke).</summary>
public sealed record IssuedDocumentPanelModel(IssuedDocumentPanel Panel, string ReferenceNumber, int Version, StaffMember? Staff)
{
    public bool CanIssue => Staff is { IsOfficer: true } && Panel.AwaitsIssue;

    public bool CanRevoke => Staff is { IsSupervisor: true } && Panel.HasDocument && !Panel.IsRevoked;
}

public sealed class IssuedDocumentViewComponent(GetIssuedDocument documents, IStaffContext staffContext) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid requestId, string referenceNumber, int version, bool forOfficer)
    {
        var panel = await documents.ForRequestAsync(requestId, HttpContext.RequestAborted);
        if (panel is null || (!panel.HasDocument && !(forOfficer && panel.AwaitsIssue)))
            return Content("");
        var staff = forOfficer ? await staffContext.CurrentAsync(HttpContext.RequestAborted) : null;
        var model = new IssuedDocumentPanelModel(panel, referenceNumber, version, staff);
        return View(forOfficer ? "Officer" : "Default", model);
    }
}
