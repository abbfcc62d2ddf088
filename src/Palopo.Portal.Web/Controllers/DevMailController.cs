using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MimeKit;
using Palopo.Portal.Infrastructure;

namespace Palopo.Portal.Web.Controllers;

/// <summary>
/// Development only: shows an e-mail from the pickup folder so a person can follow its link
/// without a mail server. Answers 404 in every other environment.
/// </summary>
[AllowAnonymous]
[Route("dev/surat")]
public sealed class DevMailController(IWebHostEnvironment environment, PortalPaths paths) : Controller
{
    [HttpGet("{fileName}")]
    public async Task<IActionResult> Show(string fileName, CancellationToken ct)
    {
        if (!environment.IsDevelopment())
            return NotFound();
        // Only a bare file name from the pickup folder: no path tricks.
        if (fileName != Path.GetFileName(fileName) || !fileName.EndsWith(".eml", StringComparison.Ordinal))
            return NotFound();
        var path = Path.Combine(paths.PickupDirectory, fileName);
        if (!System.IO.File.Exists(path))
            return NotFound();

        using var message = await MimeMessage.LoadAsync(path, ct);
        // E-mail HTML carries inline styles (mail clients need them); allow them on this page only.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'";
        return Content(message.HtmlBody ?? System.Net.WebUtility.HtmlEncode(message.TextBody ?? ""), "text/html; charset=utf-8");
    }
}
