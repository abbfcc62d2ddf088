namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>The Development e-mail preview (/dev/surat/…) serves an e-mail's own HTML, not a portal page.</summary>
public static class EmailPreview
{
    /// <summary>
    /// Whole-document rules an e-mail body is not held to here (mail clients supply the frame:
    /// title, language). Everything else axe checks — contrast, link names — still applies.
    /// </summary>
    public static readonly string[] DocumentRules = ["document-title", "html-has-lang"];
}
