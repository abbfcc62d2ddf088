using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Palopo.Portal.Web.Controllers;

/// <summary>Friendly error pages in the user's language; never a stack trace.</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
[Palopo.Portal.Web.Framework.NoFormBinding]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("/galat/{code:int}")]
    // [FromRoute]: a re-executed POST whose form has a field called "code" (the two-factor form has one)
    // must not turn a 404 into a 500 page.
    public IActionResult Show([FromRoute] int code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (exception is not null)
            logger.LogError(exception.Error, "Unhandled error on {Path}", exception.Path);

        var status = code is >= 400 and <= 599 ? code : 500;
        Response.StatusCode = status;
        var view = status switch
        {
            404 => "NotFound",
            400 => "BadRequest",
            403 => "Forbidden",
            429 => "TooManyRequests",
            _ when status >= 500 => "ServerError",
            _ => "BadRequest",
        };
        return View(view, HttpContext.TraceIdentifier);
    }

    /// <summary>Any address no endpoint matched: a 404 page for everyone, not a sign-in redirect.</summary>
    public IActionResult Missing()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound", HttpContext.TraceIdentifier);
    }
}
