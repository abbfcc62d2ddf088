namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Absolute links for e-mails. Uses the configured public address ("Portal:PublicBaseUrl") when set,
/// so a forged Host header can never put an attacker's site into a password-reset link.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor accessor)
{
    public string Absolute(string relative)
    {
        var configured = configuration["Portal:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.TrimEnd('/') + relative;
        var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("No request to build a link from.");
        return $"{request.Scheme}://{request.Host}{request.PathBase}{relative}";
    }
}
