namespace Palopo.Portal.Web;

/// <summary>
/// Marker for the portal's shared interface texts: Resources/SharedResource.resx (Bahasa Indonesia,
/// the default) and SharedResource.en.resx (English), generated from Resources/SharedResource.tsv.
/// </summary>
public sealed class SharedResource;
