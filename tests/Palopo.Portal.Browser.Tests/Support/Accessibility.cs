using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>axe-core (the copy bundled with Deque.AxeCore) against WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
/// <remarks>
/// axe runs in the page itself with <c>axe.run(document)</c>. The package's <c>RunAxe</c> would open a second,
/// blank page on every call to merge results from frames; the portal's pages have no frames, and that
/// extra page doubled the time of each check.
/// </remarks>
public static class Accessibility
{
    /// <summary>The axe tags for WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
    public static readonly IReadOnlyList<string> WcagTags =
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>
    /// WCAG 2.2 rules axe ships switched off; on here. target-size: 2.5.8 Target Size (Minimum), AA.
    /// </summary>
    private static readonly string[] AlsoEnabled = ["target-size"];

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    /// <summary>
    /// Runs axe on the page as it is now and fails with one line per offending element when anything
    /// is found. <paramref name="skipRules"/> turns rules off for a page that is not the portal's own
    /// (e.g. a raw e-mail preview); say why at the call site.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page, string step, params string[] skipRules)
    {
        var violations = await RunAsync(page, skipRules);
        if (violations.Count > 0)
            throw new XunitException(Describe(step, page.Url, violations));
    }

    /// <summary>The WCAG A/AA violations axe finds on the page as it is now.</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page, params string[] skipRules)
    {
        // Evaluated, not added as a <script>: a Content-Security-Policy can't block it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value);

        var rules = AlsoEnabled.ToDictionary(r => r, _ => new { enabled = true });
        foreach (var rule in skipRules)
            rules[rule] = new { enabled = false };
        var options = new
        {
            runOnly = new { type = "tag", values = WcagTags },
            rules,
            resultTypes = new[] { "violations" },
        };
        var result = await page.EvaluateAsync<JsonElement>("options => axe.run(document, options)", options);
        return [.. result.GetProperty("violations").EnumerateArray().Select(Violation.From)];
    }

    public static string Describe(string step, string url, IReadOnlyList<Violation> violations)
    {
        var text = new StringBuilder()
            .Append("axe found ").Append(violations.Count).Append(" WCAG violation(s) on '").Append(step).Append("' (").Append(url).AppendLine("):");
        foreach (var v in violations)
        {
            text.Append("  - ").Append(v.Id).Append(" [").Append(v.Impact).Append("] ").Append(v.Help).Append(" (").Append(v.HelpUrl).AppendLine(")");
            foreach (var node in v.Nodes)
            {
                text.Append("      at ").Append(node.Target).Append("  ").AppendLine(Shorten(node.Html));
                if (node.FailureSummary.Length > 0)
                    text.Append("         ").AppendLine(node.FailureSummary.ReplaceLineEndings(" "));
            }
        }

        return text.ToString();
    }

    private static string Shorten(string html)
    {
        var flat = html.ReplaceLineEndings(" ");
        return flat.Length <= 160 ? flat : flat[..157] + "...";
    }

    /// <summary>One failed axe rule and the elements that fail it.</summary>
    public sealed record Violation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<ViolationNode> Nodes)
    {
        internal static Violation From(JsonElement json) => new(
            Text(json, "id"), Text(json, "impact"), Text(json, "help"), Text(json, "helpUrl"),
            [.. json.GetProperty("nodes").EnumerateArray().Select(ViolationNode.From)]);
    }

    /// <summary>An offending element: its CSS selector path, its HTML and what to fix.</summary>
    public sealed record ViolationNode(string Target, string Html, string FailureSummary)
    {
        internal static ViolationNode From(JsonElement json) => new(
            json.TryGetProperty("target", out var target) ? Selector(target) : "?",
            Text(json, "html"),
            Text(json, "failureSummary"));

        // A target is a list of selectors, one per frame or shadow root, each a string or a nested list.
        private static string Selector(JsonElement target) => target.ValueKind switch
        {
            JsonValueKind.Array => string.Join(" >>> ", target.EnumerateArray().Select(Selector)),
            JsonValueKind.String => target.GetString() ?? "",
            _ => target.ToString(),
        };
    }

    private static string Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
