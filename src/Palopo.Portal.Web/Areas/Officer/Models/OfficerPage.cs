namespace Palopo.Portal.Web.Areas.Officer.Models;

/// <summary>Marker so the officer area's view models have a namespace from the start.</summary>
internal static class OfficerArea
{
    public const string Name = "Officer";
}
