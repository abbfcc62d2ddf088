using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Palopo.Portal.Infrastructure;
using Palopo.Portal.Web.Framework;
using Serilog;

namespace Palopo.Portal.Web;

public static class PortalPipeline
{
    public static WebApplication UsePortalPipeline(this WebApplication app)
    {
        // First: everything below (rate limits, HSTS, secure cookies, logs) must see the client, not the proxy.
        app.UsePortalForwardedHeaders();

        // Security headers on every response, error pages and static files included (added when the response starts).
        app.UseSecurityHeaders();

        // Language first, so error pages re-executed below keep the visitor's language.
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseMiddleware<CultureCookieMiddleware>();

        // No stack traces in any response: errors are logged and shown as a friendly page.
        app.UseExceptionHandler("/galat/500");
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseStatusCodePagesWithReExecute("/galat/{0}");

        app.UseSerilogRequestLogging(o =>
        {
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            // The configured logger (console + file), not the start-up console logger.
            o.Logger = app.Services.GetService<Serilog.ILogger>();
        });
        app.UseStaticFiles();
        app.UseMiddleware<DatabaseReadinessGate>();
        app.UseRouting();
        // Per-IP limits on sign-in, registration, password reset, tracking, claims, verification and uploads.
        app.UseRateLimiter();
        app.UseAuthentication();
        // Staff without two-factor yet reach only the enrolment page (ADR 0007).
        app.UseMiddleware<StaffTwoFactorGate>();
        app.UseAuthorization();
        // After authentication and localization: the catalogue's cache policy needs the user and the culture.
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Palopo.Portal.Infrastructure.DependencyInjection.ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous();
        app.MapControllers();
        app.MapFallbackToController("{*path}", "Missing", "Errors");
        return app;
    }

    public static void LogStartupFacts(this WebApplication app)
    {
        var paths = app.Services.GetRequiredService<PortalPaths>();
        var logger = app.Services.GetRequiredService<ILogger<Program>>();
        logger.LogInformation("Data folder: {DataPath}", paths.DataPath);
        logger.LogInformation("E-mail pickup folder (Development mail lands here): {PickupDirectory}", paths.PickupDirectory);
    }
}
