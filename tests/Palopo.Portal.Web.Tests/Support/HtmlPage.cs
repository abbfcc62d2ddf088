using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>A response parsed as HTML, with the questions the tests ask of a page.</summary>
public sealed class HtmlPage
{
    private static readonly HtmlParser Parser = new();

    private HtmlPage(HttpStatusCode status, string path, string? location, string html)
    {
        Status = status;
        Path = path;
        Location = location;
        Html = html;
        Document = Parser.ParseDocument(html);
    }

    public HttpStatusCode Status { get; }

    /// <summary>The path the page was requested at, without the query.</summary>
    public string Path { get; }

    /// <summary>Where the response redirected to, if it did.</summary>
    public string? Location { get; }

    /// <summary>The markup exactly as served.</summary>
    public string Html { get; }

    public IHtmlDocument Document { get; }

    /// <summary>The lang attribute of &lt;html&gt;: "id" or "en".</summary>
    public string? Language => Document.DocumentElement.GetAttribute("lang");

    public string Heading => Text("h1");

    /// <summary>The visible text of &lt;main&gt;, whitespace collapsed.</summary>
    public string MainText => Collapse(Document.QuerySelector("main")?.TextContent ?? Document.Body?.TextContent ?? Html);

    /// <summary>The messages listed in the error summary at the top of a form.</summary>
    public IReadOnlyList<string> ErrorSummary =>
        [.. Document.QuerySelectorAll(".error-summary li").Select(li => Collapse(li.TextContent))];

    /// <summary>The status notice shown after a redirect (TempData), or null.</summary>
    public string? Notice => Document.QuerySelector("main .notice") is { } notice ? Collapse(notice.TextContent) : null;

    public static async Task<HtmlPage> ReadAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.ToString();
        return new HtmlPage(response.StatusCode, response.RequestMessage?.RequestUri?.AbsolutePath ?? "/", location, html);
    }

    /// <summary>The collapsed text of the first element matching <paramref name="selector"/>; fails if there is none.</summary>
    public string Text(string selector)
    {
        var element = Document.QuerySelector(selector);
        Assert.True(element is not null, $"No element matches '{selector}' on {Path}.\n{MainText}");
        return Collapse(element.TextContent);
    }

    public bool Has(string selector) => Document.QuerySelector(selector) is not null;

    /// <summary>The message shown beside a form field (the span with id "{field}-error"), empty when none.</summary>
    public string FieldError(string field) =>
        Document.GetElementById($"{field}-error") is { } span ? Collapse(span.TextContent) : "";

    /// <summary>The value a text input shows (null if it has no value attribute), or the selected option of a select.</summary>
    public string? FieldValue(string name)
    {
        var element = Document.QuerySelector($"[name='{name}']:not([type=hidden])") ?? Document.QuerySelector($"[name='{name}']");
        Assert.True(element is not null, $"No field named {name} on {Path}.");
        return element switch
        {
            IHtmlSelectElement select => select.Options.FirstOrDefault(o => o.HasAttribute("selected"))?.Value,
            _ => element.GetAttribute("value"),
        };
    }

    public IHtmlFormElement Form(string action)
    {
        var form = Document.Forms.FirstOrDefault(f => string.Equals(f.GetAttribute("action"), action, StringComparison.Ordinal));
        Assert.True(form is not null,
            $"No form posting to {action} on {Path}; forms post to: {string.Join(", ", Document.Forms.Select(f => f.GetAttribute("action")))}");
        return form;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public override string ToString() => $"{(int)Status} {Path}: {MainText}";
}
