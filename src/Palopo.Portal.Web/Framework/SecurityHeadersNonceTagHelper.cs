using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// <c>&lt;script asp-csp-nonce&gt;…&lt;/script&gt;</c>: gives an inline script the request's CSP nonce,
/// the only way an inline script runs under the portal's Content-Security-Policy.
/// </summary>
[HtmlTargetElement("script", Attributes = AttributeName)]
public sealed class SecurityHeadersNonceTagHelper : TagHelper
{
    public const string AttributeName = "asp-csp-nonce";

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Attributes.RemoveAll(AttributeName);
        output.Attributes.SetAttribute("nonce", ViewContext.HttpContext.CspNonce());
    }
}
