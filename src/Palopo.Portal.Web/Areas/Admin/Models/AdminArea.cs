namespace Palopo.Portal.Web.Areas.Admin.Models;

/// <summary>The administration area (Diskominfo): /admin/...</summary>
internal static class AdminArea
{
    public const string Name = "Admin";
}
