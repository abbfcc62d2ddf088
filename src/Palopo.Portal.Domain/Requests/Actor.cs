namespace Palopo.Portal.Domain.Requests;

/// <summary>Who did something to a request. The name is a snapshot so the timeline survives account changes.</summary>
public sealed record Actor(Guid? UserId, string Name, string Role)
{
    public static Actor System { get; } = new(null, "Sistem", "System");
}
