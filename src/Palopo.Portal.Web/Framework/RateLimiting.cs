using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Palopo.Portal.Web.Framework;

/// <summary>One limit: <see cref="PermitLimit"/> requests per client IP in a fixed window of <see cref="WindowSeconds"/>.</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; } = 60;
}

/// <summary>
/// The limits of the abuse-prone endpoints, configurable under <c>RateLimits:{Policy}:PermitLimit</c>
/// and <c>RateLimits:{Policy}:WindowSeconds</c>. The defaults are per client IP per minute.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    /// <summary>Every policy name, as used in configuration (tests raise them all at once).</summary>
    public static readonly IReadOnlyList<string> PolicyNames =
        [nameof(SignIn), nameof(Registration), nameof(PasswordReset), nameof(Track), nameof(Claim), nameof(Verify), nameof(Upload)];

    /// <summary>POST of sign-in, the two-factor step and recovery-code sign-in.</summary>
    public RateLimitRule SignIn { get; set; } = new() { PermitLimit = 10 };

    /// <summary>POST of registration and "resend the confirmation e-mail".</summary>
    public RateLimitRule Registration { get; set; } = new() { PermitLimit = 5 };

    /// <summary>POST of "forgot password" and "reset password".</summary>
    public RateLimitRule PasswordReset { get; set; } = new() { PermitLimit = 5 };

    /// <summary>POST /lacak (reference number + tracking code lookup).</summary>
    public RateLimitRule Track { get; set; } = new() { PermitLimit = 20 };

    /// <summary>POST /permohonan/klaim (claiming an assisted request with its code).</summary>
    public RateLimitRule Claim { get; set; } = new() { PermitLimit = 10 };

    /// <summary>Any request under /verifikasi (document verification: a lookup by code, GET or POST).</summary>
    public RateLimitRule Verify { get; set; } = new() { PermitLimit = 30 };

    /// <summary>POST /layanan/{slug}/ajukan (applications with uploads).</summary>
    public RateLimitRule Upload { get; set; } = new() { PermitLimit = 20 };

    public RateLimitRule Get(string policy) => policy switch
    {
        nameof(SignIn) => SignIn,
        nameof(Registration) => Registration,
        nameof(PasswordReset) => PasswordReset,
        nameof(Track) => Track,
        nameof(Claim) => Claim,
        nameof(Verify) => Verify,
        nameof(Upload) => Upload,
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown rate-limit policy."),
    };
}

/// <summary>
/// Rate limiting with the built-in middleware: one global, partitioned limiter that picks the
/// policy from the method and path (so no controller needs an attribute and a route that does not
/// exist yet, such as /verifikasi, is covered already), partitioned by policy and client IP.
/// Requests no policy covers (every GET of a form, static files, error pages) are never limited.
/// A rejected request gets 429 with Retry-After and no body, so the status-code pages re-execute
/// /galat/429: the friendly page in the visitor's language.
/// </summary>
public static class PortalRateLimiting
{
    /// <summary>The partition of requests without a remote address (in-process test servers, some proxies).</summary>
    public const string UnknownClient = "unknown-client";

    private static readonly (string Policy, bool AnyMethod, string[] Paths)[] Rules =
    [
        ("SignIn", false, ["/akun/masuk", "/akun/masuk/2fa", "/akun/masuk/kode-pemulihan"]),
        ("Registration", false, ["/akun/daftar", "/akun/kirim-ulang-konfirmasi"]),
        ("PasswordReset", false, ["/akun/lupa-sandi", "/akun/atur-ulang-sandi"]),
        ("Track", false, ["/lacak"]),
        ("Claim", false, ["/permohonan/klaim"]),
        ("Verify", true, ["/verifikasi", "/verifikasi/**"]),
        ("Upload", false, ["/layanan/*/ajukan"]),
    ];

    public static IServiceCollection AddPortalRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitSettings>().BindConfiguration(RateLimitSettings.Section)
            .Validate(s => RateLimitSettings.PolicyNames.All(p => s.Get(p) is { PermitLimit: > 0, WindowSeconds: > 0 }),
                "Every RateLimits:* policy needs a PermitLimit and WindowSeconds above zero.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitSettings>>((o, settings) =>
        {
            var limits = settings.Value;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var policy = PolicyFor(context.Request.Method, context.Request.Path);
                if (policy is null)
                    return RateLimitPartition.GetNoLimiter("");
                var rule = limits.Get(policy);
                return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{ClientKey(context)}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = rule.PermitLimit,
                    Window = TimeSpan.FromSeconds(rule.WindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                    : 60;
                context.HttpContext.Response.Headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalRateLimiting))
                    .LogWarning("Rate limit reached: {RequestMethod} {RequestPath}", context.HttpContext.Request.Method, context.HttpContext.Request.Path);
                return ValueTask.CompletedTask; // no body: UseStatusCodePagesWithReExecute renders /galat/429
            };
        });
        return services;
    }

    /// <summary>The policy that limits this request, or null when none does.</summary>
    public static string? PolicyFor(string method, PathString path)
    {
        var unsafeMethod = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        var segments = (path.Value ?? "").Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (policy, anyMethod, paths) in Rules)
        {
            if (!anyMethod && !unsafeMethod)
                continue;
            if (paths.Any(p => Matches(p.Trim('/').Split('/'), segments)))
                return policy;
        }

        return null;
    }

    /// <summary>Segment match: "*" is any one segment, a final "**" one or more.</summary>
    private static bool Matches(string[] pattern, string[] segments)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == "**")
                return i == pattern.Length - 1 && segments.Length > i;
            if (i >= segments.Length)
                return false;
            if (pattern[i] != "*" && !string.Equals(pattern[i], segments[i], StringComparison.OrdinalIgnoreCase))
                return false;
        }

        return segments.Length == pattern.Length;
    }

    /// <summary>
    /// The client's IP address. Behind a reverse proxy this is the proxy's address unless the
    /// forwarded-headers middleware is configured for it; without an address, one shared partition.
    /// </summary>
    private static string ClientKey(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? UnknownClient;
}
