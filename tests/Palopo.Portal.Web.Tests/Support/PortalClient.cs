using System.Net;
using AngleSharp.Html.Dom;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>
/// A visitor with a browser's habits and none of its magic: keeps cookies, never follows a redirect
/// on its own, and posts forms the way a browser would: every field the page rendered (hidden ones
/// and the antiforgery token included), with the test's values laid over them.
/// </summary>
public sealed class PortalClient(HttpClient http, CookieContainer cookies) : IDisposable
{
    private static readonly Uri BaseAddress = new("http://localhost");

    public HttpClient Http { get; } = http;

    public CookieContainer Cookies { get; } = cookies;

    /// <summary>The value of a cookie this visitor holds, or null.</summary>
    public string? Cookie(string name) => Cookies.GetCookies(BaseAddress)[name]?.Value;

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));

    /// <summary>GETs a page and asserts its status (200 unless told otherwise).</summary>
    public async Task<HtmlPage> GetPageAsync(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await GetAsync(url);
        var page = await HtmlPage.ReadAsync(response);
        Assert.True(response.StatusCode == expected, $"GET {url}: expected {(int)expected}, got {(int)response.StatusCode} {page.Location}\n{page.MainText}");
        return page;
    }

    /// <summary>
    /// Submits the form of <paramref name="page"/> whose action is <paramref name="action"/>: its current
    /// fields with <paramref name="fields"/> replacing (or adding) those of the same names.
    /// A null value removes the field.
    /// </summary>
    public Task<HttpResponseMessage> SubmitAsync(HtmlPage page, string action, IReadOnlyDictionary<string, string?>? fields = null)
    {
        var form = page.Form(action);
        var values = FormFields.Of(form);
        foreach (var (name, value) in fields ?? new Dictionary<string, string?>())
        {
            values.RemoveAll(f => f.Key == name);
            if (value is not null)
                values.Add(new(name, value));
        }

        return PostAsync(form.GetAttribute("action") ?? page.Path, values);
    }

    /// <summary>GETs <paramref name="pageUrl"/> and submits its form posting to <paramref name="action"/> (the page's own path if null).</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string pageUrl, IReadOnlyDictionary<string, string?>? fields = null, string? action = null)
    {
        var page = await GetPageAsync(pageUrl);
        return await SubmitAsync(page, action ?? page.Path, fields);
    }

    /// <summary>A raw form post, exactly these fields (no token unless given).</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(new Uri(url, UriKind.RelativeOrAbsolute), content);
    }

    /// <summary>Asserts that <paramref name="response"/> redirects to <paramref name="expected"/> (path and query) and GETs the target.</summary>
    public async Task<HtmlPage> FollowAsync(HttpResponseMessage response, string? expected = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        var location = Redirects.AssertRedirect(response, expected);
        response.Dispose();
        return await GetPageAsync(location, status);
    }

    /// <summary>Reads a response that should be a page (not a redirect) with the given status.</summary>
    public static async Task<HtmlPage> ReadPageAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var page = await HtmlPage.ReadAsync(response);
            Assert.True(response.StatusCode == expected,
                $"Expected {(int)expected}, got {(int)response.StatusCode} {page.Location}\n{page.MainText}");
            return page;
        }
    }

    public void Dispose() => Http.Dispose();
}

public static class Redirects
{
    /// <summary>The path and query a response redirects to; asserts a 302 (and the target, when given).</summary>
    public static string AssertRedirect(HttpResponseMessage response, string? expected = null)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Expected a 302 redirect{(expected is null ? "" : " to " + expected)}, got {(int)response.StatusCode}.");
        var location = PathAndQuery(response.Headers.Location);
        if (expected is not null)
            Assert.Equal(expected, location);
        return location;
    }

    /// <summary>"/akun/masuk?kembali=%2Fakun" from either a relative or an absolute Location.</summary>
    public static string PathAndQuery(Uri? location)
    {
        Assert.NotNull(location);
        if (!location.IsAbsoluteUri)
            return location.OriginalString;
        Assert.Equal("localhost", location.Host); // never redirected off-site
        return location.PathAndQuery;
    }
}

/// <summary>The parts of an HTML form a browser would send.</summary>
internal static class FormFields
{
    public static List<KeyValuePair<string, string>> Of(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "submit" or "button" or "reset" or "image" or "file")
                        break;
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                        break;
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    var selected = select.Options.FirstOrDefault(o => o.IsSelected) ?? select.Options.FirstOrDefault();
                    if (selected is not null)
                        fields.Add(new(select.Name!, selected.Value));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
            }
        }

        return fields;
    }
}
