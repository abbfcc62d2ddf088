using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Sdk;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>axe-core against WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
public static class Accessibility
{
    /// <summary>The axe tags for WCAG 2.0/2.1/2.2 A and AA (2.2 added only AA rules to axe so far).</summary>
    public static readonly IReadOnlyList<string> WcagTags =
        ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>
    /// Runs axe on the page as it is now and fails with one line per offending element when anything
    /// is found. <paramref name="skipRules"/> turns rules off for a page that is not the portal's own
    /// (e.g. a raw e-mail preview); say why at the call site.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page, string step, params string[] skipRules)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] },
            ResultTypes = [ResultType.Violations],
            Iframes = false,
            Rules = skipRules.ToDictionary(r => r, _ => new RuleOptions { Enabled = false }),
        };
        var result = await page.RunAxe(options);
        if (result.Violations is { Length: > 0 } violations)
            throw new XunitException(Describe(step, page.Url, violations));
    }

    public static string Describe(string step, string url, IEnumerable<AxeResultItem> violations)
    {
        var list = violations.ToList();
        var text = new StringBuilder()
            .Append("axe found ").Append(list.Count).Append(" WCAG violation(s) on '").Append(step).Append("' (").Append(url).AppendLine("):");
        foreach (var v in list)
        {
            text.Append("  - ").Append(v.Id).Append(" [").Append(v.Impact ?? "?").Append("] ").Append(v.Help).Append(" (").Append(v.HelpUrl).AppendLine(")");
            foreach (var node in v.Nodes ?? [])
            {
                text.Append("      at ").Append(node.Target?.ToString() ?? "?").Append("  ").AppendLine(Shorten(node.Html));
                var fixAll = (node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).ToList();
                var fixAny = (node.Any ?? []).Select(c => c.Message).ToList();
                if (fixAll.Count > 0)
                    text.Append("         fix all of: ").AppendLine(string.Join("; ", fixAll));
                if (fixAny.Count > 0)
                    text.Append("         fix any of: ").AppendLine(string.Join("; ", fixAny));
            }
        }

        return text.ToString();
    }

    private static string Shorten(string? html)
    {
        var flat = (html ?? "").ReplaceLineEndings(" ");
        return flat.Length <= 160 ? flat : flat[..157] + "...";
    }
}
