using System.Globalization;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Infrastructure;
using Palopo.Portal.Web.Email;
using Palopo.Portal.Web.Framework;
using Serilog;

namespace Palopo.Portal.Web;

public static class DependencyInjection
{
    public static readonly CultureInfo[] SupportedCultures = [new("id"), new("en")];

    public static IServiceCollection AddWeb(this IServiceCollection services, IWebHostEnvironment environment)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Replace(ServiceDescriptor.Singleton<IStringLocalizerFactory, CachingStringLocalizerFactory>());
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("id");
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });

        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<PortalEmailComposer>();
        services.AddScoped<Application.Admin.Staff.IStaffInvitationMail, StaffInvitationMail>();
        services.AddScoped<PublicLinks>();
        if (!environment.IsDevelopment())
        {
            // Links in e-mails must never be built from a Host header an attacker can forge.
            // PortalOptions falls back to localhost, which is only right on a developer's machine.
            services.AddOptions<PortalOptions>()
                .Validate<IConfiguration>((_, configuration) => !string.IsNullOrWhiteSpace(configuration[$"{PortalOptions.SectionName}:PublicBaseUrl"]), "Portal:PublicBaseUrl must be set to the portal's public address outside Development.")
                .ValidateOnStart();
        }
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly);

        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.Filters.Add<FluentValidationFilter>();
                o.Filters.Add<UnparsableCheckboxValueFilter>();
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedModelBindingMessages>();
        services.AddSingleton<Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataProvider, QuietTempDataProvider>());
        services.AddFluentValidationClientsideAdapters();

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = environment.IsDevelopment() ? ".Palopo.Antiforgery" : "__Host-Palopo.Antiforgery";
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__RequestVerificationToken";
            o.SuppressXFrameOptionsHeader = true; // SecurityHeadersMiddleware sends DENY (and frame-ancestors 'none') everywhere
        });

        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrorDescriber>();
        services.AddScoped<IUserClaimsPrincipalFactory<Infrastructure.Identity.PortalUser>, PortalClaimsPrincipalFactory>(); // marks staff without two-factor (ADR 0007)
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/akun/masuk";
            o.LogoutPath = "/akun/keluar";
            o.AccessDeniedPath = "/akun/ditolak";
            o.ReturnUrlParameter = "kembali";
            o.Cookie.Name = environment.IsDevelopment() ? ".Palopo.Auth" : "__Host-Palopo.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = SessionLifetime.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = SessionLifetime.StampAbsoluteExpiry;
            o.Events.OnValidatePrincipal = SessionLifetime.ValidateAsync;
        });
        // Server-side sessions (ASVS 7.4): the cookie carries a key, the ticket is a database row that
        // sign-out, password change and deactivation revoke; nodes that keep it in memory hear of the
        // revocation at once (this node) or within a signal poll (the others, ADR 0015).
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Infrastructure.Identity.DatabaseTicketStore>((o, store) => o.SessionStore = store);
        services.ConfigureExternalCookie(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = environment.IsDevelopment() ? ".Palopo.2fa" : "__Host-Palopo.2fa";
            o.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });

        // HSTS (applied outside Development by the pipeline): one year, subdomains included.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddPortalRateLimiting();

        // Anonymous catalogue pages come from memory; admins' changes evict them on every node (ADR 0015).
        services.AddCatalogueOutputCache();
        services.AddHostedService<CatalogueOutputCacheEviction>();
        // The agency queue's body, rendered once per change for all its officers (ADR 0018).
        services.AddSingleton<Areas.Officer.QueueBodyCache>();
        services.AddSingleton<RequestBodyCache>();

        // Every page needs a signed-in user unless it says [AllowAnonymous].
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPortalPolicies();

        return services;
    }

    /// <summary>
    /// Stage two of logging: the logger from configuration, to the console and a rolling file in
    /// the data folder. Registered as Serilog's ILogger too, so request logging writes through it.
    /// The static start-up logger is left alone: test hosts may start several apps in one process.
    /// </summary>
    public static IServiceCollection AddPortalSerilog(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var logs = Path.Combine(PortalPaths.ResolveDataPath(environment.ContentRootPath, configuration["Storage:DataPath"]), "logs");
        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .Destructure.With<PersonalDataDestructuringPolicy>()
            .WriteTo.Console()
            .WriteTo.File(Path.Combine(logs, "portal-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
            .CreateLogger();
        services.AddSingleton<Serilog.ILogger>(logger);
        // Serilog as the only provider behind the framework's logger factory, not as the factory itself:
        // the framework's factory keeps one logger per category, where Serilog's builds a new one (with
        // its own caches) on every CreateLogger, which every scoped or transient service with an
        // ILogger<T> and every authentication handler calls, several times a request.
        services.AddLogging(b => b.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddSerilog(logger, dispose: true));
        // What UseSerilogRequestLogging needs; AddSerilog on the services would have registered it.
        var diagnosticContext = new Serilog.Extensions.Hosting.DiagnosticContext(logger);
        services.AddSingleton(diagnosticContext);
        services.AddSingleton<IDiagnosticContext>(diagnosticContext);
        return services;
    }
}
