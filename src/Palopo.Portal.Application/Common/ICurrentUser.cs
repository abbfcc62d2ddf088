namespace Palopo.Portal.Application.Common;

/// <summary>Who is making the current request.</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    bool IsInRole(string role);
}
