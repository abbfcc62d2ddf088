namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>A screen size to test at. Most citizens reach the portal on a cheap Android phone.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool IsMobile)
{
    public static readonly Viewport Phone = new("phone", 360, 740, IsMobile: true);

    public static readonly Viewport Desktop = new("desktop", 1280, 800, IsMobile: false);

    /// <summary>By name, for theory data ("phone" or "desktop").</summary>
    public static Viewport Named(string name) => name switch
    {
        "phone" => Phone,
        "desktop" => Desktop,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Expected phone or desktop."),
    };

    public override string ToString() => $"{Name} {Width}x{Height}";
}
