using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Web.Models.Requests;

namespace Palopo.Portal.Web.Controllers;

/// <summary>
/// Public tracking (/lacak): a reference number and the tracking code from the receipt show the
/// status and its history, without an account and without personal data. The code travels in the
/// POST body only, never in a URL (where it would end up in logs and browser history).
/// </summary>
[AllowAnonymous]
[Route("lacak")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class TrackController(TrackRequest track) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new TrackForm());

    [HttpPost("")]
    public async Task<IActionResult> Index(TrackForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
            return View(form);
        form.Result = await track.FindAsync(form.ReferenceNumber, form.TrackingCode, ct);
        form.NotFound = form.Result is null;
        return View(form);
    }
}
