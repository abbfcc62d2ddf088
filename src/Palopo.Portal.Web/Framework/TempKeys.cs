namespace Palopo.Portal.Web.Framework;

/// <summary>Names of TempData entries that survive one redirect.</summary>
public static class TempKeys
{
    public const string Status = "Status";
    public const string MailFile = "MailFile";
    public const string RecoveryCodes = "RecoveryCodes";
}
