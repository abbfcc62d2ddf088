using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// On SQLite, every connection open registers EF's SQL functions again and every close removes
/// them, under a process-wide lock. A signed-in page runs six to eight queries (session, page,
/// layout), so a signed-in GET opens the request's connection once and keeps it until the response
/// is written (ADR 0014). Only GET and HEAD: a POST may stream a large upload, and holding a
/// connection through that gains nothing. Server databases pool connections cheaply: left alone.
/// </summary>
public sealed class SqliteConnectionPerRequest(RequestDelegate next, IOptions<DatabaseOptions> database, IOptionsMonitor<CookieAuthenticationOptions> cookies)
{
    private readonly bool _enabled = database.Value.Provider == DatabaseProvider.Sqlite;
    private readonly string? _authCookie = cookies.Get(IdentityConstants.ApplicationScheme).Cookie.Name;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!_enabled || _authCookie is null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            || !context.Request.Cookies.ContainsKey(_authCookie))
        {
            await next(context);
            return;
        }

        var db = context.RequestServices.GetRequiredService<PortalDbContext>().Database;
        await db.OpenConnectionAsync(context.RequestAborted);
        try
        {
            await next(context);
        }
        finally
        {
            await db.CloseConnectionAsync();
        }
    }
}
