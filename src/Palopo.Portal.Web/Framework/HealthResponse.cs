using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// The health endpoints' body, plain text: "Healthy" when all is well (what probes compare), else the
/// overall status and one line per failing check with its reason, so an operator or a load
/// balancer's log sees why a node is not ready. No stack traces or connection strings.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new StringBuilder(report.Status.ToString());
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
            body.Append('\n').Append(name).Append(": ").Append(entry.Status).Append(": ")
                .Append(entry.Description ?? entry.Exception?.GetType().Name ?? "no reason given");
        return context.Response.WriteAsync(body.ToString(), context.RequestAborted);
    }
}
