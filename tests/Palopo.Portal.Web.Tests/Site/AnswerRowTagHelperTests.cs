using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Domain.Common;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Models.Requests;

namespace Palopo.Portal.Web.Tests.Site;

/// <summary>A read-only answer is shown in words, in the reader's language, and always HTML-encoded.</summary>
public sealed class AnswerRowTagHelperTests
{
    private static readonly KelurahanOption[] Kelurahan = [new("73.73.01.1001", "Tompotikka", "Wara")];

    [Theory]
    [InlineData(FieldType.Choice, "bank", "id", "Urusan bank")]
    [InlineData(FieldType.Choice, "bank", "en", "Bank matters")]
    [InlineData(FieldType.Choice, "gone", "id", "gone")]
    [InlineData(FieldType.YesNo, "ya", "id", "Ya")]
    [InlineData(FieldType.YesNo, "tidak", "en", "No")]
    [InlineData(FieldType.Kelurahan, "73.73.01.1001", "id", "Tompotikka")]
    [InlineData(FieldType.Date, "2026-03-05", "id", "5 Maret 2026")]
    [InlineData(FieldType.Date, "2026-03-05", "en", "5 March 2026")]
    [InlineData(FieldType.Text, "", "id", "&#x2013;")] // an en dash, as Razor encodes it
    public void Shows_the_answer_in_words(FieldType type, string value, string language, string expected)
    {
        var html = Render(Field(type), value, language);

        Assert.Equal($"<div class=\"summary-row\"><dt>{(language == "en" ? "Purpose" : "Keperluan")}</dt><dd>{expected}</dd></div>", html);
    }

    [Fact]
    public void Encodes_what_the_applicant_typed()
    {
        var html = Render(Field(FieldType.Text), "<script>alert(1)</script>", "id");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    private static FieldDefinition Field(FieldType type) =>
        new("keperluan", type, new LocalizedText("Keperluan", "Purpose"),
            Options: type == FieldType.Choice ? [new FieldOption("bank", new LocalizedText("Urusan bank", "Bank matters"))] : null);

    private static string Render(FieldDefinition field, string value, string language)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "id-ID");
        try
        {
            var helper = new AnswerRowTagHelper(new Words()) { Field = new FieldView(field, value, null, ReadOnly: true, Kelurahan, language) };
            var context = new TagHelperContext([], new Dictionary<object, object>(), "t");
            var output = new TagHelperOutput("answer-row", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
            helper.Process(context, output);
            using var writer = new StringWriter();
            output.WriteTo(writer, HtmlEncoder.Default);
            return writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    /// <summary>The two interface words the helper looks up, in the current UI language.</summary>
    private sealed class Words : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] =>
            new(name, (name, CultureInfo.CurrentCulture.TwoLetterISOLanguageName) switch
            {
                ("Common.Yes", "en") => "Yes",
                ("Common.No", "en") => "No",
                ("Common.Yes", _) => "Ya",
                ("Common.No", _) => "Tidak",
                _ => name,
            });

        public LocalizedString this[string name, params object[] arguments] => this[name];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
