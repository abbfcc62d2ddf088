using System.Collections.Frozen;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// <c>&lt;status-badge status="@item.Status" /&gt;</c>: a request status as a coloured label. The
/// words carry the meaning; the colour only repeats it. A tag helper rather than a partial view,
/// because the officer queue shows 25 a page and a partial costs a view activation each (ADR 0014).
/// </summary>
[HtmlTargetElement("status-badge", Attributes = "status", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    private static readonly FrozenDictionary<RequestStatus, string> CssClasses =
        Enum.GetValues<RequestStatus>().ToFrozenDictionary(s => s, s => "badge badge--" + s.ToString().ToLowerInvariant());

    private static readonly FrozenDictionary<RequestStatus, string> TextKeys =
        Enum.GetValues<RequestStatus>().ToFrozenDictionary(s => s, s => "Requests.Status." + s);

    public RequestStatus Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", CssClasses[Status]);
        output.Content.SetContent(t[TextKeys[Status]]);
    }
}
