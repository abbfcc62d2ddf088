using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Officer.Assisted;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Web.Models.Requests;

namespace Palopo.Portal.Web.Controllers;

/// <summary>
/// A signed-in citizen takes a request filed for them at a service counter into their account,
/// with the reference number and tracking code from the printed receipt. A wrong code, another
/// person's NIK, an online request and one already claimed all get the same message.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ClaimController(ClaimAssistedRequest claim, ICurrentUser currentUser, IStringLocalizer<SharedResource> t) : Controller
{
    private const int MaxLength = 40;

    [HttpGet("/permohonan/klaim")]
    public IActionResult Index() => View(new ClaimForm());

    [HttpPost("/permohonan/klaim")]
    public async Task<IActionResult> Index(ClaimForm form, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(form.ReferenceNumber))
            ModelState.AddModelError(nameof(ClaimForm.ReferenceNumber), t["Track.ReferenceRequired"]);
        else if (form.ReferenceNumber.Length > MaxLength)
            ModelState.AddModelError(nameof(ClaimForm.ReferenceNumber), t["Validation.MaxLength", MaxLength]);
        if (string.IsNullOrWhiteSpace(form.TrackingCode))
            ModelState.AddModelError(nameof(ClaimForm.TrackingCode), t["Track.CodeRequired"]);
        else if (form.TrackingCode.Length > MaxLength)
            ModelState.AddModelError(nameof(ClaimForm.TrackingCode), t["Validation.MaxLength", MaxLength]);

        if (ModelState.IsValid)
        {
            var reference = await claim.HandleAsync(form.ReferenceNumber, form.TrackingCode, currentUser.Id!.Value, ct);
            if (reference is not null)
            {
                TempData[RequestsController.NoticeKey] = t["Claim.Done", reference].Value;
                return Redirect("/permohonan/" + reference);
            }

            ModelState.AddModelError("", t["Claim.Refused"]);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(form);
    }
}
