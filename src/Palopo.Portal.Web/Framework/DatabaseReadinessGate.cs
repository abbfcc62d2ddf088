using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// While the database has not been initialized (down at start, migrations pending), every page
/// answers a plain 503 with Retry-After instead of an error page per request; the health
/// endpoints and static files still answer.
/// </summary>
public sealed class DatabaseReadinessGate(RequestDelegate next, DatabaseReadiness readiness)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (readiness.IsReady || context.Request.Path.StartsWithSegments("/health"))
            return next(context);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "10";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Portal sedang dimulai ulang, coba lagi sebentar lagi. / The portal is starting, please try again shortly.");
    }
}
