using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// Every POST form carries the antiforgery token, also when its action is a plain URL (the
/// built-in form tag helper only adds it for generated actions). Global validation refuses
/// unsafe requests without it, so a forgotten token would break the form, not weaken it.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class AntiforgeryFormTagHelper(IHtmlGenerator generator) : TagHelper
{
    public override int Order => 1000;

    [HtmlAttributeNotBound]
    [ViewContext]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var method = output.Attributes["method"]?.Value?.ToString();
        if (!string.Equals(method, "post", StringComparison.OrdinalIgnoreCase) || context.AllAttributes.ContainsName("asp-antiforgery"))
            return;
        output.PostContent.AppendHtml(generator.GenerateAntiforgery(ViewContext));
    }
}
