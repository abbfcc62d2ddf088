using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Palopo.Portal.Application.Admin.Audit;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Web.Areas.Admin.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Admin.Controllers;

/// <summary>The audit log: search, page through, export as CSV. Read-only by design.</summary>
[Area(AdminArea.Name)]
[Authorize(Policy = Policies.Admin)]
[Route("admin/audit")]
public sealed class AuditController(AuditSearch search, IStaffContext staff, AuditTrail audit, IPortalDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ModelState.Clear(); // a malformed date is no filter, not an error page
        var reversed = Normalize(query);
        var page = await search.PageAsync(query.ToFilter(), query.Halaman, ct);
        return View(new AuditLogPage(page, query, reversed));
    }

    /// <summary>The current filter as CSV, streamed row by row (at most <see cref="AuditSearch.MaxExportRows"/> rows).</summary>
    [HttpGet("~/admin/audit.csv")]
    public async Task Export([FromQuery] AuditQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ModelState.Clear();
        Normalize(query);
        var filter = query.ToFilter();

        // Exporting the log is itself an event worth knowing about.
        audit.Record(AuditAction.AuditLogExported, await staff.CurrentAsync(ct), "AuditLog", null, detail: query.QueryString());
        await db.SaveChangesAsync(ct);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
        Response.Headers.CacheControl = "no-store";
        await using var writer = new StreamWriter(Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        await writer.WriteAsync(AuditCsv.Line(AuditCsv.Header));
        var count = 0;
        await foreach (var row in search.ExportAsync(filter, ct))
        {
            await writer.WriteAsync(AuditCsv.Line(row));
            if (++count % 1000 == 0)
                await writer.FlushAsync(ct);
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>"From" after "to" is read as the range the person meant.</summary>
    private static bool Normalize(AuditQuery query)
    {
        query.Halaman = Math.Clamp(query.Halaman, 1, AuditSearch.MaxPage);
        if (query is { Dari: { } from, Sampai: { } to } && from > to)
        {
            (query.Dari, query.Sampai) = (to, from);
            return true;
        }

        return false;
    }
}
