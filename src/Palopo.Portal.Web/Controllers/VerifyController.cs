using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Documents;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Web.Models.Documents;

namespace Palopo.Portal.Web.Controllers;

/// <summary>
/// Public check of an issued document, without signing in: by the code printed on it (typed, or
/// opened from its QR code at /verifikasi/{code}) or by uploading the PDF. Shows only the status, the
/// document type, the holder's name and masked NIK, the issue date and the agency. Rate-limited by the
/// "Verify" policy (PortalRateLimiting covers /verifikasi and everything under it); never cached or indexed.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class VerifyController(VerifyDocument verify, IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>A little above the largest PDF we accept, so a too-large file gets our message, not a bare 413.</summary>
    private const long MaxBodyBytes = VerifyDocument.MaxUploadBytes + (256 * 1024);

    [HttpGet("/verifikasi")]
    public IActionResult Index([FromQuery(Name = "kode")] string? code)
    {
        NoIndex();
        if (code is null)
            return View(new VerifyPage());
        if (VerificationCode.Normalize(code) is { } canonical)
            return Redirect(VerificationPaths.ForCode(canonical));
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new VerifyPage { Code = code, CodeError = t["Verify.Error.CodeFormat"].Value });
    }

    [HttpGet("/verifikasi/{code}")]
    public async Task<IActionResult> Code(string code, CancellationToken ct)
    {
        NoIndex();
        var result = await verify.ByCodeAsync(code, ClientAddress, ct);
        return View("Result", new VerifyResultPage { Result = result, TypedCode = code });
    }

    [HttpPost("/verifikasi/berkas")]
    [RequestSizeLimit(MaxBodyBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxBodyBytes)]
    public async Task<IActionResult> File(IFormFile? berkas, CancellationToken ct)
    {
        NoIndex();
        if (berkas is null || berkas.Length == 0)
            return FileError(t["Verify.Error.FileMissing"].Value);
        await using var stream = berkas.OpenReadStream();
        var check = await verify.ByFileAsync(stream, berkas.Length, ClientAddress, ct);
        return check.Outcome switch
        {
            FileCheckOutcome.NotPdf => FileError(t["Verify.Error.NotPdf"].Value),
            FileCheckOutcome.TooLarge => FileError(t["Verify.Error.TooLarge", VerifyDocument.MaxUploadBytes / (1024 * 1024)].Value),
            FileCheckOutcome.Empty => FileError(t["Verify.Error.FileMissing"].Value),
            _ => View("FileResult", new VerifyFileResultPage { Check = check }),
        };
    }

    private string? ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString();

    private ViewResult FileError(string message)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Index), new VerifyPage { FileError = message });
    }

    private void NoIndex() => Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
}
