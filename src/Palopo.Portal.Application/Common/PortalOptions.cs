namespace Palopo.Portal.Application.Common;

/// <summary>Settings under "Portal": facts about the site itself.</summary>
public sealed class PortalOptions
{
    public const string SectionName = "Portal";

    public const string DefaultPublicBaseUrl = "http://localhost:5080";

    /// <summary>
    /// The address citizens reach the portal at, used for links in e-mails (never the request's
    /// Host header, which a client can forge). Empty means <see cref="DefaultPublicBaseUrl"/>.
    /// </summary>
    public string? PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;

    public string EffectiveBaseUrl =>
        (string.IsNullOrWhiteSpace(PublicBaseUrl) ? DefaultPublicBaseUrl : PublicBaseUrl.Trim()).TrimEnd('/');

    public bool HasValidBaseUrl =>
        Uri.TryCreate(EffectiveBaseUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    /// <summary>An absolute link to <paramref name="relative"/> (which starts with "/").</summary>
    public string Absolute(string relative) => EffectiveBaseUrl + relative;
}
