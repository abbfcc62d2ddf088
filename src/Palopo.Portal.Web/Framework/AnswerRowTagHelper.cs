using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Web.Models.Requests;

namespace Palopo.Portal.Web.Framework;

/// <summary>
/// <c>&lt;answer-row field="@Model.ReadOnlyField(field)" /&gt;</c>: one answered question as a row of
/// a summary list: its label, then the answer in words (the chosen option's label, Ya/Tidak, the
/// kelurahan's name, a date written out, a dash when unanswered). A tag helper rather than the
/// form-field partial, because a request page shows every answer of its form and a partial view
/// costs a view activation each (ADR 0014).
/// </summary>
[HtmlTargetElement("answer-row", Attributes = "field", TagStructure = TagStructure.WithoutEndTag)]
public sealed class AnswerRowTagHelper(IStringLocalizer<SharedResource> t) : TagHelper
{
    public FieldView Field { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "summary-row");
        output.Content
            .AppendHtml("<dt>").Append(Field.Definition.Label.For(Field.Language)).AppendHtml("</dt>")
            .AppendHtml("<dd>").Append(Display(Field)).AppendHtml("</dd>");
    }

    private string Display(FieldView view)
    {
        var f = view.Definition;
        var v = view.Value;
        if (string.IsNullOrEmpty(v))
            return "–";
        return f.Type switch
        {
            FieldType.Choice => f.Options?.FirstOrDefault(o => o.Value == v)?.Label.For(view.Language) ?? v,
            FieldType.YesNo => v == "ya" ? t["Common.Yes"].Value : t["Common.No"].Value,
            FieldType.Kelurahan => view.Kelurahan.FirstOrDefault(k => k.Code == v)?.Name ?? v,
            // Written out in the reader's language ("5 Maret 2025", "5 March 2025").
            FieldType.Date => DateOnly.TryParse(v, CultureInfo.InvariantCulture, out var d) ? d.ToString("d MMMM yyyy", CultureInfo.CurrentCulture) : v,
            _ => v,
        };
    }
}
