using Microsoft.AspNetCore.Identity;

namespace Palopo.Portal.Infrastructure.Identity;

public sealed class PortalRole : IdentityRole<Guid>
{
    public PortalRole() { }

    public PortalRole(string name) : base(name)
    {
        Id = Guid.NewGuid();
        NormalizedName = name.ToUpperInvariant();
    }
}
